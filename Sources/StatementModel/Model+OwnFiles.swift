import Foundation

extension Model {
    /// Why writing `path` would destroy what this model was read from, if it would: the model's
    /// file, a model file of its folder (or one the folder would load next time), or a document's
    /// source text. `save`, `report` and `stmt report -o` ask before they write; a model and its
    /// texts are only ever read.
    public func ownFileRefusal(_ path: String) -> String? {
        let target = FileGate.realPath(path)
        switch FileGate.kind(of: origin) {
        case .directory:
            let folder = FileGate.realPath(origin)
            let name = String(target.split(separator: "/").last ?? "")
            if PathText.folder(of: target) == folder, !name.hasPrefix("."), ModelLoader.modelExtensions.contains(where: name.hasSuffix) {
                return "it would be one of the model files of the folder '\(origin)', which loads every .yaml, .yml, .json and .jsonl file in it"
            }
        case .some:
            if target == FileGate.realPath(origin) { return "it is the model's own file" }
        case nil:
            break
        }
        for d in documents {
            guard let source = d.sourcePath else { continue }
            // A relative source is read from the folder of the model file that names it.
            let declaredIn = d.span.map { PathText.folder(of: $0.file) } ?? PathText.folder(of: origin)
            let full = source.hasPrefix("/") || declaredIn.isEmpty ? source : declaredIn + "/" + source
            if FileGate.realPath(full) == target { return "it is the source text of document '\(d.id)'" }
        }
        return nil
    }
}
