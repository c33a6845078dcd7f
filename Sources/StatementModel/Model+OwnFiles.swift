import Foundation

extension Model {
    /// Why writing `path` would destroy what this model was read from, if it would: the model's
    /// file, a model file of its folder (or one the folder would load next time), or a document's
    /// source text. `save`, `report` and `stmt report -o` ask before they write; a model and its
    /// texts are only ever read.
    public func ownFileRefusal(_ path: String) -> String? {
        let target = FileGate.realPath(path)
        if FileGate.kind(of: origin) == .directory {
            let name = String(target.split(separator: "/").last ?? "")
            if PathText.folder(of: target) == FileGate.realPath(origin), !name.hasPrefix("."), ModelLoader.modelExtensions.contains(where: name.hasSuffix) {
                return "it would be one of the model files of the folder '\(origin)', which loads every .yaml, .yml, .json and .jsonl file in it"
            }
        } else if FileGate.kind(of: origin) != nil, target == FileGate.realPath(origin) {
            return "it is the model's own file"
        }
        // The files the load read, as it read them (a snapshot's keep the paths of the load it
        // holds, whatever the working folder is now; a draft's text is among them).
        if readFrom.models.contains(where: { FileGate.realPath($0) == target }) { return "it is one of the model's own files" }
        if readFrom.texts.contains(where: { FileGate.realPath($0) == target }) { return "it is the source text of one of the model's documents" }
        return nil
    }
}
