import CEditLine
import Foundation

/// The libedit line editor: emacs/vi modes and `~/.editrc`, history with Ctrl-R search,
/// Tab completion through a ``Completer``, UTF-8 editing per character.
public final class EditLineEditor: LineEditor {
    private var el: OpaquePointer?
    private var hist: OpaquePointer?
    private let historyPath: String
    private var promptBuffer: UnsafeMutablePointer<CChar>
    /// Answers Tab.
    public var completer: Completer?

    /// Sets up libedit on the terminal; history is loaded from `historyPath`.
    public init(historyPath: String) {
        self.historyPath = historyPath
        promptBuffer = strdup("> ")!
        setlocale(LC_CTYPE, "")
        hist = stmt_history_init()
        stmt_history_setsize(hist, Int32(HistoryFile.capacity))
        stmt_history_setunique(hist, 1)
        _ = stmt_history_load(hist, historyPath)
        el = stmt_el_init("stmt")
        stmt_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        stmt_el_set_prompt_esc(el) { el in
            guard let data = stmt_el_get_clientdata(el) else { return nil }
            return Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }
        stmt_el_set_editor(el, "emacs")
        // Lets libedit redraw the line after a window resize; it passes SIGINT on to our handler.
        stmt_el_set_signal(el, 1)
        stmt_el_set_history(el, hist)
        stmt_el_addfn(el, "stmt-complete", "complete the word before the cursor") { el, _ in
            guard let data = stmt_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        }
        stmt_el_bind(el, "^I", "stmt-complete")
        stmt_el_bind(el, "^R", "em-inc-search-prev")
        stmt_el_source(el)
    }

    deinit {
        if let el { el_end(el) }
        if let hist { history_end(hist) }
        free(promptBuffer)
    }

    /// Reads one line; Ctrl-C throws, Ctrl-D on an empty line returns nil.
    public func readLine(prompt: String) throws -> String? {
        free(promptBuffer)
        promptBuffer = strdup(prompt)!
        _ = stmt_take_interrupt()
        var count: Int32 = 0
        guard let cstr = el_gets(el, &count) else {
            if count == -1 || stmt_take_interrupt() != 0 {
                FileHandle.standardOutput.write(Data("^C\n".utf8))
                throw LineEditorInterrupt()
            }
            return nil
        }
        var line = String(cString: cstr)
        if line.hasSuffix("\n") { line.removeLast() }
        return line
    }

    /// Adds an entry and saves the whole history atomically, so a crash loses nothing completed.
    public func addHistory(_ entry: String) {
        guard HistoryFile.shouldSave(entry) else { return }
        _ = stmt_history_enter(hist, entry)
        let dir = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let tmp = historyPath + ".\(getpid()).tmp"
        if stmt_history_save(hist, tmp) >= 0 { rename(tmp, historyPath) } else { unlink(tmp) }
    }

    /// Entries oldest first.
    public func historyEntries() -> [String] {
        var out: [String] = []
        var p = stmt_history_walk(hist, 1)
        while let s = p {
            out.append(String(cString: s))
            p = stmt_history_walk(hist, 0)
        }
        return out
    }

    private func complete() -> UInt8 {
        guard let completer, let info = el_line(el) else { return UInt8(CC_ERROR) }
        let start = UnsafeRawPointer(info.pointee.buffer)!
        let cursor = UnsafeRawPointer(info.pointee.cursor)!
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)
        let result = completer.complete(before)
        guard !result.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let typed = String(before.suffix(result.replaceLength))
        if result.candidates.count == 1 {
            let c = result.candidates[0]
            replace(typed: typed, with: c + (c.hasSuffix("/") ? "" : " "))
            return UInt8(CC_REFRESH)
        }
        let common = Completer.commonPrefix(result.candidates)
        if common.count > typed.count {
            replace(typed: typed, with: common)
            return UInt8(CC_REFRESH)
        }
        FileHandle.standardOutput.write(Data(("\n" + Completer.columns(result.candidates, width: terminalWidth())).utf8))
        return UInt8(CC_REDISPLAY)
    }

    private func replace(typed: String, with text: String) {
        if !typed.isEmpty { el_deletestr(el, Int32(typed.count)) }
        _ = text.withCString { el_insertstr(el, $0) }
    }
}

/// The terminal's width in columns (80 when unknown).
public func terminalWidth() -> Int {
    var rows: Int32 = 0, cols: Int32 = 0
    return stmt_terminal_size(1, &rows, &cols) == 0 ? Int(cols) : 80
}

/// The terminal's height in rows (24 when unknown).
public func terminalHeight() -> Int {
    var rows: Int32 = 0, cols: Int32 = 0
    return stmt_terminal_size(1, &rows, &cols) == 0 ? Int(rows) : 24
}
