import Foundation
import MNLSyntax

extension CoreBuiltins {
    static let system: [Builtin] = [
        Builtin("time", [], topic: "core",
                doc: "Seconds since an arbitrary fixed point, with sub-microsecond resolution; subtract two readings to time code.",
                example: "t0 = time()\nelapsed = time() - t0") { _, _ in
            .number(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        },
    ]
}
