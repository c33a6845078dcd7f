import Foundation

/// The one rule for matching text without regard to case (`~`, `find`, entity names): full case
/// folding, so that a final sigma (ς) matches σ and Σ, ß matches ss, and ﬁ matches fi. Lower-casing
/// alone left "Σωκράτης" unmatched by "ΣΩΚΡΆΤΗΣ".
public enum CaseFold {
    /// `s` folded; ASCII text is lower-cased without Foundation.
    public static func fold(_ s: String) -> String {
        s.utf8.allSatisfy { $0 < 0x80 } ? s.lowercased() : s.folding(options: [.caseInsensitive], locale: nil)
    }
}
