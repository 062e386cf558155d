import Forma
import Testing

@Suite("Grounding: where a value occurs in the source")
struct GroundingTextTests {
    @Test func exactMatchGivesScalarSpan() {
        let text = GroundingText("Invoice from Acme Corp, due 2024-05-01.")
        #expect(text.span(of: "Acme Corp", mode: .exact) == 13..<22)
        #expect(text.span(of: "acme corp", mode: .exact) == nil)
        #expect(text.span(of: "acme corp", mode: .normalized) == 13..<22)
    }

    @Test func wordBoundariesAreRequired() {
        let text = GroundingText("Ada Lovelace met Adam.")
        #expect(text.span(of: "A", mode: .exact) == nil)
        #expect(text.span(of: "Ada", mode: .exact) == 0..<3)
        #expect(text.span(of: "Adam", mode: .exact) == 17..<21)
        #expect(text.span(of: "Love", mode: .exact) == nil)
        // Punctuation inside the value is fine; the edges decide.
        #expect(text.span(of: "Adam.", mode: .exact) == 17..<22)
    }

    @Test func firstOccurrenceIsTheSpan() {
        let text = GroundingText("Bob paid Bob's bill, then Bob left.")
        #expect(text.span(of: "Bob", mode: .exact) == 0..<3)
    }

    @Test func repeatedOccurrenceSkipsNonBoundaryMatches() {
        // The first "Ann" sits inside "Anna"; the span is the later whole word.
        let text = GroundingText("Anna and Ann")
        #expect(text.span(of: "Ann", mode: .exact) == 9..<12)
    }

    @Test func combiningMarksAreNotCutAndNormalizationUnifiesForms() {
        // "José" written with a combining acute accent (e + U+0301).
        let decomposed = "Jose\u{301} Garci\u{301}a"
        let text = GroundingText("Paid by \(decomposed) today")
        // "Jose" must not match: the next scalar is a combining mark of its last letter.
        #expect(text.span(of: "Jose", mode: .exact) == nil)
        #expect(text.span(of: decomposed, mode: .exact) == 8..<21)
        // The precomposed spelling is found only after normalization, with the source span.
        #expect(text.span(of: "José García", mode: .exact) == nil)
        #expect(text.span(of: "José García", mode: .normalized) == 8..<21)
    }

    @Test func compatibilityFormsAndCaseFoldingUnderNormalization() {
        let text = GroundingText("Ｔｏｋｙｏ office, STRASSE 5")
        #expect(text.span(of: "Tokyo", mode: .normalized) == 0..<5)
        #expect(text.span(of: "strasse 5", mode: .normalized) == 14..<23)
        #expect(text.span(of: "Tokyo", mode: .exact) == nil)
    }

    @Test func cjkTextHasBoundariesBetweenEveryLetter() {
        let text = GroundingText("株式会社東京電機の山田太郎です")
        #expect(text.span(of: "東京電機", mode: .exact) == 4..<8)
        #expect(text.span(of: "山田太郎", mode: .exact) == 9..<13)
        // Between a kana particle and a name: still a boundary.
        #expect(text.span(of: "山田", mode: .exact) == 9..<11)
    }

    @Test func emojiSequencesAreNotSplit() {
        // 👍🏽 is U+1F44D U+1F3FD; 👨‍💻 is man, ZWJ, laptop.
        let text = GroundingText("Rated 👍🏽 by 👨‍💻 Sam")
        #expect(text.span(of: "👍", mode: .exact) == nil)
        #expect(text.span(of: "👍🏽", mode: .exact) == 6..<8)
        #expect(text.span(of: "👨", mode: .exact) == nil)
        #expect(text.span(of: "👨‍💻 Sam", mode: .exact) == 12..<19)
    }

    @Test func valuesSpanningLineBreaks() {
        let text = GroundingText("Ship to: 221B Baker\r\n   Street, London")
        #expect(text.span(of: "221B Baker Street", mode: .exact) == nil)
        // Every whitespace run (a CRLF and indentation too) reads as one space.
        #expect(text.span(of: "221B Baker Street", mode: .normalized) == 9..<30)
        #expect(text.span(of: "  221B  Baker\nStreet ", mode: .normalized) == 9..<30)
    }

    @Test func emptyValuesHaveNoSpan() {
        let text = GroundingText("anything")
        #expect(text.span(of: "", mode: .exact) == nil)
        #expect(text.span(of: "   ", mode: .normalized) == nil)
        #expect(GroundingText("").span(of: "x", mode: .exact) == nil)
    }

    @Test func normalizedFormIsWhatEvalCompares() {
        #expect(GroundingText.normalizedForm("  ADA\n\tLovelace ") == "ada lovelace")
        #expect(GroundingText.normalizedForm("ﬁne") == "fine")
    }
}
