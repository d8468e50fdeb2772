import Testing
@testable import OfficinaCore

@Suite struct ValidationTextInputTests {
    @Test func aDecomposedAccentIsStoredComposed() throws {
        let cleaned = try TextField.displayName.clean("Nicole\u{301}")
        #expect(cleaned.unicodeScalars.map(\.value) == "Nicolé".unicodeScalars.map(\.value))
        #expect(cleaned.unicodeScalars.count == 6)
    }

    @Test func surroundingWhitespaceIsTrimmedAndInnerRunsCollapsedInSingleLineFields() throws {
        #expect(try TextField.displayName.clean("  Giulia \t  Rossi \n") == "Giulia Rossi")
        #expect(try TextField.proposalTitle.clean("Orto\u{00A0}\u{00A0}sul tetto") == "Orto sul tetto")
    }

    @Test func aLineBreakInATitleBecomesASpaceNotAJoin() throws {
        #expect(try TextField.proposalTitle.clean("Orto\ncomunitario") == "Orto comunitario")
    }

    @Test func controlCharactersAreRemoved() throws {
        #expect(try TextField.displayName.clean("Gi\u{0}u\u{7}l\u{1B}[31mia\u{7F}\u{85}") == "Giul[31mia")
    }

    @Test func theTrojanSourceBidiOverridesAreRemoved() throws {
        let attack = "admin\u{202E}nimda\u{202C} \u{2066}x\u{2069}\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}"
        let cleaned = try TextField.displayName.clean(attack)
        #expect(cleaned == "adminnimda x")
        #expect(!cleaned.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
    }

    @Test func aBodyKeepsItsLineBreaksAndUnifiesCRLF() throws {
        #expect(try TextField.proposalBody.clean("one\r\ntwo\rthree\u{2028}four\nfive") == "one\ntwo\nthree\nfour\nfive")
    }

    @Test func aBodyKeepsAtMostOneBlankLineInARow() throws {
        #expect(try TextField.proposalBody.clean("a\n\n\n\n  \nb  \nc") == "a\n\nb\nc")
    }

    @Test func emojiWithJoinersSurviveAndCountAsOneCharacterEach() throws {
        let family = "👩‍👩‍👧"
        #expect(try TextField.displayName.clean(family) == family)
        #expect(try TextField.displayName.clean(String(repeating: family, count: 8)).count == 8)
        // Forty of them are forty Characters but 720 bytes: over the name's byte limit (160).
        #expect(throws: DomainError.self) { try TextField.displayName.clean(String(repeating: family, count: 40)) }
    }

    @Test func lengthIsCountedInCharactersNotBytesOrScalars() throws {
        let name = String(repeating: "e\u{301}", count: 40)  // 80 scalars, 40 characters
        #expect(try TextField.displayName.clean(name).count == 40)
        #expect(throws: DomainError.self) { try TextField.displayName.clean(name + "x") }
    }

    @Test func anEmptyNameIsRefusedWithACodeAndField() {
        #expect(throws: DomainError(.invalid, code: "name_length", "name must be between 1 and 40 characters; it has 0", field: "name")) {
            try TextField.displayName.clean("   ")
        }
    }

    @Test func aNameOfOnlyInvisibleCharactersCountsAsEmpty() {
        #expect(throws: DomainError.self) { try TextField.displayName.clean("\u{200B}\u{2060}\u{FEFF}") }
    }

    @Test(arguments: [
        (TextField.displayName, 40, "name_length"), (TextField.proposalTitle, 120, "title_length"),
        (TextField.proposalBody, 2_000, "body_length"), (TextField.buildOnText, 500, "text_length"),
        (TextField.workshopTitle, 120, "title_length"),
    ])
    func eachFieldAcceptsItsLimitAndRefusesOneMore(field: TextField, limit: Int, code: String) throws {
        #expect(try field.clean(String(repeating: "a", count: limit)).count == limit)
        do {
            _ = try field.clean(String(repeating: "a", count: limit + 1))
            Issue.record("\(field.field) accepted \(limit + 1) characters")
        } catch {
            #expect(error.code == code)
            #expect(error.kind == .invalid)
            #expect(error.field == field.field)
        }
    }

    @Test func anEmptyBodyIsAllowedButAnEmptyBuildOnIsNot() throws {
        #expect(try TextField.proposalBody.clean(" \n ") == "")
        #expect(throws: DomainError.self) { try TextField.buildOnText.clean(" \n ") }
    }

    @Test func aLocalizedTitleNeedsItalianAndNamesTheLanguageInErrors() throws {
        let cleaned = try TextField.workshopTitle.clean(LocalizedText(it: " Città ", en: ""))
        #expect(cleaned == LocalizedText(it: "Città", en: ""))
        do {
            _ = try TextField.workshopTitle.clean(LocalizedText(it: "", en: "City"))
            Issue.record("empty Italian title accepted")
        } catch {
            #expect(error.field == "title.it")
        }
        do {
            _ = try TextField.workshopTitle.clean(LocalizedText(it: "ok", en: String(repeating: "x", count: 121)))
            Issue.record("long English title accepted")
        } catch {
            #expect(error.field == "title.en")
        }
    }

    @Test func passwordsNeedEightToOneThousandTwentyFourCharacters() throws {
        try PasswordPolicy.validate("12345678")
        #expect(throws: DomainError.self) { try PasswordPolicy.validate("1234567") }
        #expect(throws: DomainError.self) { try PasswordPolicy.validate(String(repeating: "x", count: 1_025)) }
    }

    @Test func goalKeysFollowTheirPattern() throws {
        try GoalKeys.validate("space")
        try GoalKeys.validate("a1_b-c")
        for bad in ["", "Space", "1space", "spa ce", "città", String(repeating: "a", count: 33)] {
            #expect(throws: DomainError.self, "\(bad)") { try GoalKeys.validate(bad) }
        }
    }

    @Test func aProposalsGoalsMustBeKnownAndRepeatsAreDropped() throws {
        let known: Set = ["space", "community"]
        #expect(try GoalKeys.selection(["space", "community", "space"], known: known) == ["space", "community"])
        #expect(throws: DomainError.self) { try GoalKeys.selection(["moon"], known: known) }
    }
}
