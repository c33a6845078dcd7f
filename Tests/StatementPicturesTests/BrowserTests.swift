import Foundation
import StatementModel
import Testing
@testable import StatementPictures

/// The report in a real browser: headless Chromium driven by chromium-driver through Selenium
/// (Tests/browser/check-report.py), the page loaded from a file with the network off. The
/// screenshots are kept in .build/test-artifacts/ to look at, not compared pixel by pixel.
@Suite(.serialized) struct BrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let artifacts = root + "/.build/test-artifacts"

    struct Seen: Decodable {
        var highlights: Int
        var problems: [String]
        var click_card: String?
        var focus_card: String?
        var injected_script_ran: Bool?
        var screenshot: String
    }

    /// Runs the checker on a page; what it saw.
    func check(_ html: String, name: String, arguments: [String]) throws -> (seen: Seen, output: String) {
        try FileManager.default.createDirectory(atPath: Self.artifacts, withIntermediateDirectories: true)
        let page = Self.artifacts + "/\(name).html"
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.root + "/Tests/browser/check-report.py", page, "--screenshot", Self.artifacts + "/\(name).png"] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readAllRetryingInterrupts()
        let errors = String(decoding: err.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let seen = try? JSONDecoder().decode(Seen.self, from: data) else {
            throw Diagnostic("the browser check did not run (scripts/setup installs chromium, chromium-driver and selenium): \(text) \(errors)")
        }
        return (seen, text)
    }

    @Test func theSeedsReportWorksInABrowser() throws {
        let model = try SeedModel.load()
        let html = try HTMLReport(model: model).html()
        let (seen, output) = try check(html, name: "seed-report", arguments: [
            "--highlights", String(HTMLReport.highlightCount(model)), "--card-text", "Yonhap News Agency",
            "--filter", "Miller", "--filter-rows", "4",
        ])
        #expect(seen.problems.isEmpty, "\(output)")
        #expect(seen.highlights == 21)
        #expect(FileManager.default.fileExists(atPath: seen.screenshot))
    }

    @Test func aModelsScriptDoesNotRun() throws {
        let model = try hostileModel()
        let (seen, output) = try check(try HTMLReport(model: model).html(), name: "hostile-report", arguments: [
            "--highlights", "2", "--hostile", "--card-text", "<script>window.__stmtInjected=1</script>",
        ])
        #expect(seen.problems.isEmpty, "\(output)")
        #expect(seen.injected_script_ran == false)
    }
}
