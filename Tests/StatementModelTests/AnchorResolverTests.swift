import Testing
@testable import StatementModel

@Suite struct AnchorResolverTests {
    let text = SourceText(sampleText)

    @Test func foundOnceGivesOffsetsAndLineColumn() {
        let o = AnchorResolver.resolve(Anchor(exact: "the envoy said"), in: text)
        #expect(o.anchor.status == .found)
        #expect(o.anchor.line == 2)
        // "Later — in Geneva — " is 20 characters; the em dashes are 3 bytes each but one column.
        #expect(o.anchor.column == 21)
        #expect(o.anchor.start == 55 + 20)
        #expect(o.anchor.end == o.anchor.start! + 14)
    }

    @Test func repeatedTextIsAmbiguousWithEveryMatch() {
        let o = AnchorResolver.resolve(Anchor(exact: "The minister urged"), in: text)
        #expect(o.anchor.status == .ambiguous)
        #expect(o.matches.count == 2)
        #expect(o.anchor.line == nil)
    }

    @Test func prefixOrSuffixDisambiguates() {
        let bySuffix = AnchorResolver.resolve(Anchor(exact: "The minister urged", suffix: " calm"), in: text)
        #expect(bySuffix.anchor.status == .found)
        #expect(bySuffix.anchor.column == 31)
        let byPrefix = AnchorResolver.resolve(Anchor(exact: "minister urged", prefix: "restraint. The "), in: text)
        #expect(byPrefix.anchor.status == .found)
    }

    @Test func missingTextIsOrphanedWithClosestPassage() {
        let o = AnchorResolver.resolve(Anchor(exact: "the envoy says talks will resume"), in: text)
        #expect(o.anchor.status == .orphaned)
        let closest = AnchorResolver.closestPassage(to: "the envoy says talks will resume", in: text)
        #expect(closest?.line == 2)
        #expect(closest?.text.hasPrefix("the envoy said") == true)
    }

    @Test func nearMissIsNeverReanchored() {
        let o = AnchorResolver.resolve(Anchor(exact: "The Minister urged restraint"), in: text)
        #expect(o.anchor.status == .orphaned)
        #expect(o.anchor.byteRange == nil)
    }
}
