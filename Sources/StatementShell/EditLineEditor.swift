import CEditLine
import CTerminal
import Foundation
import StatementModel

/// The libedit line editor: emacs/vi modes and `~/.editrc`, history with Ctrl-R search,
/// Tab completion through a ``Completer``, UTF-8 editing per character.
///
/// libedit reads characters through our own function (`stmt_read_char` in the C shim), which
/// answers Ctrl-C, window resizes, Ctrl-Z and TERM/HUP without libedit's signal handling (that
/// re-raises signals to the whole process group).
public final class EditLineEditor: LineEditor {
    private var el: OpaquePointer?
    private var hist: OpaquePointer?
    private let historyPath: String
    private let gate: FileGate
    /// Why the history file is not saved (a foreign or unwritable file); nil while it is.
    private(set) var historyProblem: String?
    private var promptBuffer: UnsafeMutablePointer<CChar>
    /// Answers Tab.
    public var completer: Completer?

    /// Sets up libedit on the terminal; history is loaded from `historyPath` when it is a history
    /// file, and saved there through `gate` after each entry.
    public init(historyPath: String, gate: FileGate = .unrestricted) {
        self.historyPath = historyPath
        self.gate = gate
        gate.allowOwnFile(historyPath)
        promptBuffer = strdup("> ")!
        setlocale(LC_CTYPE, "")
        hist = stmt_history_init()
        stmt_history_setsize(hist, Int32(HistoryFile.capacity))
        stmt_history_setunique(hist, 1)
        historyProblem = HistoryFile.problem(at: historyPath)
        if let problem = historyProblem {
            OutputWriter.standardError.write(TerminalText.escaped("warning: history file '\(historyPath)' \(problem); history is kept for this session only\n  hint: set STMT_HISTORY to another file\n"))
        } else {
            _ = stmt_history_load(hist, historyPath)
        }
        el = stmt_el_init("stmt")
        stmt_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        stmt_el_set_prompt_esc(el) { el in
            guard let data = stmt_el_get_clientdata(el) else { return nil }
            return Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }
        stmt_el_set_editor(el, "emacs")
        stmt_el_use_own_reader(el)
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

    /// Reads one line; Ctrl-C throws, Ctrl-D on an empty line returns nil; TERM or HUP throws
    /// ``LineEditorTermination``.
    public func readLine(prompt: String) throws -> String? {
        free(promptBuffer)
        promptBuffer = strdup(prompt)!
        _ = stmt_take_interrupt()
        var count: Int32 = 0
        let cstr = el_gets(el, &count)
        if stmt_termination_signal() != 0 { throw LineEditorTermination(signal: stmt_termination_signal()) }
        // A Ctrl-C ends el_gets however libedit reports it (in incremental search it looks like end of input).
        if stmt_take_interrupt() != 0 {
            OutputWriter.standardOutput.write("^C\n")
            throw LineEditorInterrupt()
        }
        // Otherwise no line is the end of input: Ctrl-D, or a terminal that went away (EIO).
        guard let cstr, count >= 0 else { return nil }
        var line = String(cString: cstr)
        if line.hasSuffix("\n") { line.removeLast() }
        return line
    }

    /// Adds an entry and saves the whole history atomically through the gate, so a crash loses
    /// nothing completed and the file keeps its mode.
    public func addHistory(_ entry: String) {
        guard HistoryFile.shouldSave(entry) else { return }
        _ = stmt_history_enter(hist, entry)
        guard historyProblem == nil else { return }
        // libedit writes to a private temporary file; the gate then replaces the history file with it.
        var template = Array((NSTemporaryDirectory() + "/stmt-history.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        close(fd)
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(tmp) }
        guard stmt_history_save(hist, tmp) >= 0, let bytes = try? FileGate.unrestricted.read(tmp) else { return }
        do {
            try gate.createFolder(for: historyPath)
            try gate.write(bytes, to: historyPath)
        } catch {
            historyProblem = "cannot be written"
            OutputWriter.standardError.write(TerminalText.escaped("warning: \(error.message("write history file")); history is kept for this session only\n"))
        }
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
            replace(typed: typed, with: c + (c.hasSuffix("/") || c.hasSuffix("(") ? "" : " "))
            return UInt8(CC_REFRESH)
        }
        let common = Completer.commonPrefix(result.candidates)
        if common.count > typed.count {
            replace(typed: typed, with: common)
            return UInt8(CC_REFRESH)
        }
        OutputWriter.standardOutput.write("\n" + TerminalText.escaped(Completer.columns(result.candidates, width: terminalWidth())))
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
