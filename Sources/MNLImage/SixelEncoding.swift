import CSixel

/// Pictures in DEC sixel, the graphics of xterm (`-ti vt340`), foot, mlterm, WezTerm and
/// Windows Terminal, encoded by libsixel: a palette of up to 256 colours chosen for the
/// picture (median cut, with dithering, as `img2sixel` does), or the picture's own colours
/// when it has no more than 256.
public enum SixelEncoding {
    /// The escape sequence (DCS … ST) that draws `picture`.
    public static func encode(_ picture: Picture) throws(ImageError) -> [UInt8] {
        var rgb = picture.rgbBytes
        let sink = ByteSink()
        var output: OpaquePointer?
        var dither: OpaquePointer?
        defer {
            if let dither { sixel_dither_unref(dither) }
            if let output { sixel_output_unref(output) }
        }
        try withExtendedLifetime(sink) { () throws(ImageError) in
            try check(sixel_output_new(&output, Self.write, Unmanaged.passUnretained(sink).toOpaque(), nil))
            let exact = exactPalette(picture)
            try check(sixel_dither_new(&dither, Int32(exact?.count ?? 256), nil))
            try rgb.withUnsafeMutableBufferPointer { buffer throws(ImageError) in
                let w = Int32(picture.width), h = Int32(picture.height)
                if let exact {
                    var palette = exact.flatMap { [$0.r, $0.g, $0.b] }
                    palette.withUnsafeMutableBufferPointer { sixel_dither_set_palette(dither, $0.baseAddress) }
                    sixel_dither_set_pixelformat(dither, SIXEL_PIXELFORMAT_RGB888)
                    sixel_dither_set_diffusion_type(dither, SIXEL_DIFFUSE_NONE)
                } else {
                    try check(sixel_dither_initialize(dither, buffer.baseAddress, w, h, SIXEL_PIXELFORMAT_RGB888,
                                                      SIXEL_LARGE_AUTO, SIXEL_REP_AUTO, SIXEL_QUALITY_AUTO))
                }
                try check(sixel_encode(buffer.baseAddress, w, h, 3, dither, output))
            }
        }
        return sink.bytes
    }

    /// The picture's colours when there are at most 256 (a digit's greys, a few flat
    /// colours): used as the palette itself, so white stays white. libsixel's median cut
    /// quantises its histogram to 5 bits a channel, which would turn 255 into 248.
    static func exactPalette(_ picture: Picture) -> [RGB]? {
        var seen = Set<RGB>()
        for p in picture.pixels where seen.insert(p).inserted && seen.count > 256 { return nil }
        return seen.sorted { ($0.r, $0.g, $0.b) < ($1.r, $1.g, $1.b) }
    }

    static let write: sixel_write_function = { data, size, priv in
        guard let priv, let data, size > 0 else { return 0 }
        let sink = Unmanaged<ByteSink>.fromOpaque(priv).takeUnretainedValue()
        data.withMemoryRebound(to: UInt8.self, capacity: Int(size)) { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(size))) }
        return size
    }

    static func check(_ status: SIXELSTATUS) throws(ImageError) {
        // SIXEL_FAILED(status): the high bit of the status word is set.
        guard status & 0x1000 != 0 else { return }
        let text = sixel_helper_format_error(status).map { String(cString: $0) } ?? "status \(status)"
        throw .sixel(status: text)
    }
}
