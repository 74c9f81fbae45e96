#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The width of the terminal, asked afresh each time (the window may have been resized).
public enum TerminalWidth {
    /// The columns of the terminal on `fileDescriptor`: nil when it is not a terminal, 80
    /// when it is one that does not say.
    public static func columns(of fileDescriptor: Int32 = 1) -> Int? {
        guard isatty(fileDescriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
