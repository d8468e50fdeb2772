import Testing
@testable import OfficinaCore

/// Text limits hold in bytes and combining marks, not only in Characters: one "character" cannot
/// carry a megabyte, whichever field it is typed into.
@Suite struct ValidationTextFieldLimitTests {
    static let every: [TextField] = [
        .displayName, .proposalTitle, .proposalBody, .buildOnText, .workshopTitle, .workshopDescription,
        .programmeTitle, .programmeDescription, .goalLabel,
    ]

    @Test func aZalgoNameOfFourHundredThousandMarksIsOneCharacterButRefused() throws {
        let zalgo = "a" + String(repeating: "\u{301}", count: 400_000)
        #expect(zalgo.count == 1)
        #expect(throws: DomainError.self) { try TextField.displayName.clean(zalgo) }
        do {
            _ = try TextField.displayName.clean(zalgo)
        } catch {
            #expect(error.field == "name")
            #expect(error.code == "name_length")
            #expect(error.message.utf8.count < 200)
        }
    }

    @Test func stackedMarksWithinTheByteLimitAreRefusedInEveryField() throws {
        // Twelve marks on one letter: few bytes, clearly not writing.
        let stacked = "Idea e" + String(repeating: "\u{0300}\u{0316}\u{0351}", count: 4)
        for field in Self.every {
            do {
                _ = try field.clean(stacked, path: "x")
                Issue.record("\(field.field) accepted \(stacked.unicodeScalars.count) scalars of marks")
            } catch {
                #expect(error.code == TextField.marksCode, "\(field.field)")
                #expect(error.field == "x")
            }
        }
    }

    @Test func realWritingWithMarksStillPasses() throws {
        // Vietnamese composes under NFC; Hindi, pointed Hebrew and a keycap emoji keep a few marks.
        for text in ["Tiếng Việt có dấu", "हिन्दी में विचार", "שָׁלוֹם", "1\u{FE0F}\u{20E3} idea", "Nicole\u{301}"] {
            #expect(try TextField.proposalTitle.clean(text).isEmpty == false, "\(text)")
        }
        let three = "e" + String(repeating: "\u{0316}", count: 3)
        #expect(try TextField.displayName.clean(three).unicodeScalars.count == 4)
        let four = "e" + String(repeating: "\u{0316}", count: 4)
        #expect(throws: DomainError.self) { try TextField.displayName.clean(four) }
    }

    @Test func fortyEmojiFamiliesAreFortyCharactersButTooManyBytesForAName() throws {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(family.count == 1 && family.utf8.count == 25)
        let name = String(repeating: family, count: 40)
        #expect(name.count == 40)
        do {
            _ = try TextField.displayName.clean(name)
            Issue.record("accepted \(name.utf8.count) bytes")
        } catch {
            #expect(error.code == "name_length")
            #expect(error.message.contains("bytes"))
        }
        #expect(try TextField.displayName.clean(String(repeating: family, count: 6)).utf8.count == 150)
    }

    @Test func everyFieldBoundsItsBytesAtFourPerCharacter() {
        for field in Self.every {
            #expect(field.maxBytes == field.lengths.upperBound * 4, "\(field.field)")
        }
    }

    @Test func theEnglishTextKeepsTheByteLimitToo() {
        let zalgo = LocalizedText(it: "Titolo", en: "T" + String(repeating: "\u{301}", count: 10_000))
        do {
            _ = try TextField.workshopTitle.clean(zalgo)
            Issue.record("accepted")
        } catch {
            #expect(error.field == "title.en")
        }
    }
}
