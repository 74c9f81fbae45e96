#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MNLDisplay
import MNLStdlib

/// The display on the process's standard output: a terminal display (status lines, colour,
/// pictures as the environment says) when stdout is a terminal, else a plain one.
enum StandardDisplay {
    static func make() -> Display {
        let isTerminal = isatty(1) == 1
        let caps = TerminalCapabilities.detect(environment: ProcessInfo.processInfo.environment,
                                               isTerminal: isTerminal, size: terminalSize())
        guard isTerminal else { return PlainDisplay.standardOutput(capabilities: caps) }
        return TerminalDisplay(capabilities: caps, size: terminalSize, encoder: TerminalPictureEncoder()) { FileHandle.standardOutput.write(Data($0.utf8)) }
    }

    /// Columns and rows of the terminal on stdout, asked now (nil when it does not say).
    static func terminalSize() -> (width: Int, height: Int)? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
