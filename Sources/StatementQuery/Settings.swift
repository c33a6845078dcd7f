/// Settings changed with `set`.
public struct Settings: Sendable {
    /// Output formats.
    public enum Mode: String, Sendable, CaseIterable {
        /// Aligned columns.
        case table
        /// JSON that jq parses.
        case json
        /// RFC 4180 CSV.
        case csv
        /// GitHub Markdown tables.
        case markdown
        /// One field per line.
        case line
    }

    /// Colour choice.
    public enum Color: String, Sendable, CaseIterable {
        /// Always.
        case on
        /// Never.
        case off
        /// On a terminal without NO_COLOR.
        case auto
    }

    /// The output mode.
    public var mode: Mode = .table
    /// The width tables wrap to.
    public var width: Int = 100
    /// The colour choice.
    public var color: Color = .auto
    /// Print each command's elapsed time.
    public var timer: Bool = false
    /// Most rows shown on screen before a "… N more rows" note (0 = all).
    public var rows: Int = 0
    /// Whether CSV cells that a spreadsheet would run as a formula (starting with = + - @) get a leading `'`.
    public var guardFormulas: Bool = true
    /// Whether warnings (a name no entity has, …) are shown.
    public var warnings: Bool = true
    /// Whether JSON and CSV write entities by id instead of by name.
    public var ids: Bool = false

    /// Makes default settings.
    public init() {}

    /// Setting names and their possible values, for `set`, help and completion.
    public static let choices: [(name: String, values: [String], summary: String)] = [
        ("mode", Mode.allCases.map(\.rawValue), "output format"),
        ("width", ["80", "100", "120"], "the width tables wrap to (a number of columns)"),
        ("color", Color.allCases.map(\.rawValue), "colour for headers, prompts and errors"),
        ("timer", ["on", "off"], "print each command's elapsed time"),
        ("rows", ["0", "50", "100"], "rows shown before a '… N more rows' note (0 shows all)"),
        ("csv_formulas", ["guard", "keep"], "guard: CSV cells starting with = + - @ get a leading ' so spreadsheets show them as text"),
        ("warnings", ["on", "off"], "warn when a comparison names something the model does not have"),
        ("ids", ["off", "on"], "on: JSON and CSV write entities by id instead of by name"),
    ]
}
