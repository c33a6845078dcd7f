// The session harness is shared by the test targets: Tests/Support/Harness.swift.
@_exported import StatementTestSupport
