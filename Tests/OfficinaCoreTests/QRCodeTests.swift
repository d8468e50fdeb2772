import Testing
@testable import OfficinaCore

/// Structure of the QR encoder checked against ISO/IEC 18004:2015's tables and worked examples.
@Suite struct QRCodeTests {
    @Test func reedSolomonMatchesTheISOWorkedExampleFor01234567At1M() {
        // ISO/IEC 18004 Annex I: "01234567", version 1-M, data and error correction codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomonEncoder(degree: 10).remainder(of: data) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test func reedSolomonMatchesTheHelloWorld1MExample() {
        // The widely published "HELLO WORLD" 1-M example (alphanumeric mode data codewords).
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomonEncoder(degree: 10).remainder(of: data) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test(arguments: [
        (0, "101010000010010"), (1, "101000100100101"), (2, "101111001111100"), (3, "101101101001011"),
        (4, "100010111111001"), (5, "100000011001110"), (6, "100111110010111"), (7, "100101010100000"),
    ])
    func formatBitsForLevelMMatchTheISOTable(mask: Int, expected: String) throws {
        let bits = QRFormatInformation.formatBits(mask: try #require(QRMask(rawValue: mask)))
        #expect(String(bits, radix: 2).leftPadded(to: 15) == expected)
    }

    @Test func versionBitsMatchTheISOTable() {
        #expect(String(QRFormatInformation.versionBits(7), radix: 2).leftPadded(to: 18) == "000111110010010100")
        #expect(String(QRFormatInformation.versionBits(10), radix: 2).leftPadded(to: 18) == "001010010011010011")
        #expect(String(QRFormatInformation.versionBits(40), radix: 2).leftPadded(to: 18) == "101000110001101001")
    }

    @Test(arguments: [
        (1, 26, 16, 14), (2, 44, 28, 26), (3, 70, 44, 42), (4, 100, 64, 62), (5, 134, 86, 84),
        (6, 172, 108, 106), (7, 196, 124, 122), (8, 242, 154, 152), (9, 292, 182, 180), (10, 346, 216, 213),
        (20, 1_085, 669, 666), (40, 3_706, 2_334, 2_331),
    ])
    func versionCapacitiesMatchTheISOTables(version: Int, total: Int, data: Int, bytes: Int) throws {
        let layout = try #require(QRVersionLayout(version: version))
        #expect(layout.totalCodewords == total)
        #expect(layout.dataCodewords == data)
        #expect(layout.byteCapacity == bytes)
    }

    @Test func everyVersionsBlocksAddUpAndDifferByAtMostOneCodeword() throws {
        for version in 1...40 {
            let layout = try #require(QRVersionLayout(version: version))
            let blocks = layout.dataCodewordsPerBlock
            #expect(blocks.reduce(0, +) == layout.dataCodewords)
            #expect((blocks.max() ?? 0) - (blocks.min() ?? 0) <= 1)
            #expect(blocks == blocks.sorted())
        }
        // Version 8-M: two blocks of 38 and two of 39 data codewords (Table 9).
        #expect(QRVersionLayout(version: 8)?.dataCodewordsPerBlock == [38, 38, 39, 39])
        // Version 10-M: four blocks of 43 and one of 44.
        #expect(QRVersionLayout(version: 10)?.dataCodewordsPerBlock == [43, 43, 43, 43, 44])
    }

    @Test func alignmentCentresMatchAnnexE() {
        #expect(QRVersionLayout(version: 1)?.alignmentCentres == [])
        #expect(QRVersionLayout(version: 2)?.alignmentCentres == [6, 18])
        #expect(QRVersionLayout(version: 7)?.alignmentCentres == [6, 22, 38])
        #expect(QRVersionLayout(version: 10)?.alignmentCentres == [6, 28, 50])
        #expect(QRVersionLayout(version: 32)?.alignmentCentres == [6, 34, 60, 86, 112, 138])
        #expect(QRVersionLayout(version: 40)?.alignmentCentres == [6, 30, 58, 86, 114, 142, 170])
    }

    @Test func theSmallestVersionThatFitsIsChosen() throws {
        #expect(try QRCode(encoding: String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(encoding: String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode(encoding: "http://127.0.0.1:8080/w/ACD347").version == 3)
        #expect(try QRCode(encoding: String(repeating: "a", count: 213)).version == 10)
        #expect(try QRCode(encoding: String(repeating: "a", count: 214)).version == 11)
    }

    @Test func textBeyondASCIIStartsWithTheUTF8Designator() throws {
        let layout = try #require(QRVersionLayout(version: 1))
        // ECI mode 0111, designator 26 = 00011010, byte mode 0100: 0111 0001 | 1010 0100.
        #expect(QRCode.dataCodewords(Array("è".utf8), utf8Designator: true, layout: layout).prefix(2) == [0x71, 0xA4])
        // Byte mode 0100, count 00000001: 0100 0000 | 0001 …
        #expect(QRCode.dataCodewords(Array("e".utf8), layout: layout).prefix(1) == [0x40])
        #expect(layout.byteCapacity(utf8Designator: true) == 13)
        #expect(try QRCode(encoding: String(repeating: "è", count: 6) + "a").version == 1)
        #expect(try QRCode(encoding: String(repeating: "è", count: 7)).version == 2)
    }

    @Test func textLongerThanVersion40IsRefused() {
        #expect(throws: QRCodeError.dataTooLong(byteCount: 2_332, capacity: 2_331)) {
            try QRCode(bytes: [UInt8](repeating: 0x41, count: 2_332))
        }
    }

    @Test func theSymbolHasFindersTimingAndTheDarkModule() throws {
        let code = try QRCode(encoding: "http://127.0.0.1:8080/w/ACD347")
        let n = code.size
        for (ox, oy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            for d in 0..<7 {
                #expect(code[ox + d, oy] && code[ox + d, oy + 6] && code[ox, oy + d] && code[ox + 6, oy + d])
            }
            #expect(!code[ox + 1, oy + 1] && code[ox + 2, oy + 2] && code[ox + 3, oy + 3])
        }
        for i in 8..<(n - 8) {
            #expect(code[i, 6] == (i % 2 == 0))
            #expect(code[6, i] == (i % 2 == 0))
        }
        #expect(code[8, n - 8])
    }

    @Test func bothCopiesOfTheFormatBitsNameTheChosenMask() throws {
        let code = try QRCode(encoding: "Città perché")
        let n = code.size
        var first = 0
        var second = 0
        let firstPositions = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (9..<15).map { (14 - $0, 8) }
        let secondPositions = (0..<8).map { (n - 1 - $0, 8) } + (8..<15).map { (8, n - 15 + $0) }
        for (i, position) in firstPositions.enumerated() where code[position.0, position.1] { first |= 1 << i }
        for (i, position) in secondPositions.enumerated() where code[position.0, position.1] { second |= 1 << i }
        let expected = QRFormatInformation.formatBits(mask: try #require(QRMask(rawValue: code.mask)))
        #expect(first == expected)
        #expect(second == expected)
    }

    @Test func versionSevenAndUpCarryTheVersionBitsTwice() throws {
        let code = try QRCode(encoding: String(repeating: "x", count: 150))
        #expect(code.version == 8)
        let n = code.size
        var below = 0
        var beside = 0
        for i in 0..<18 {
            if code[n - 11 + i % 3, i / 3] { below |= 1 << i }
            if code[i / 3, n - 11 + i % 3] { beside |= 1 << i }
        }
        #expect(below == QRFormatInformation.versionBits(8))
        #expect(beside == QRFormatInformation.versionBits(8))
    }

    @Test func theChosenMaskHasTheLowestPenalty() throws {
        let text = "http://127.0.0.1:8080/w/ACD347"
        let chosen = try QRCode(encoding: text)
        for mask in 0..<8 {
            let forced = try QRCode(encoding: text, mask: mask)
            #expect(forced.mask == mask)
            #expect(Self.penalty(of: chosen) <= Self.penalty(of: forced))
        }
    }

    @Test func encodingIsDeterministic() throws {
        let text = "http://127.0.0.1:8080/w/ACD347"
        #expect(try QRCode(encoding: text) == QRCode(encoding: text))
        #expect(try QRCode(encoding: text).svg() == QRCode(encoding: text).svg())
    }

    @Test func penaltyRuleFourCountsEachFivePercentFromHalfDark() {
        var matrix = QRMatrix(size: 21)
        for y in 0..<21 { for x in 0..<21 { matrix.setData(x: x, y: y, dark: true) } }
        // All dark: 100% is ten 5% steps from 50% → 100; plus rule 1 and rule 2 for the uniform square.
        let runs = 2 * 21 * (3 + 21 - 5)
        let blocks = 20 * 20 * 3
        #expect(matrix.penalty == runs + blocks + 100)
    }

    private static func penalty(of code: QRCode) -> Int {
        var matrix = QRMatrix(size: code.size)
        for y in 0..<code.size { for x in 0..<code.size { matrix.setData(x: x, y: y, dark: code[x, y]) } }
        return matrix.penalty
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
