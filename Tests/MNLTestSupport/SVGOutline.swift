import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file parsed as XML, as the file-output tests check it: whether it parses, its root
/// element's name, size and style, and the names of all its elements.
public struct SVGOutline {
    public let parsed: Bool
    public let root: String?
    public let width: String?
    public let height: String?
    public let style: String?
    public let elements: Set<String>

    public init(_ bytes: [UInt8]) {
        let delegate = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = delegate
        parsed = parser.parse()
        (root, width, height, style, elements) = (delegate.root, delegate.width, delegate.height, delegate.style, delegate.elements)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var root: String?
        var width: String?
        var height: String?
        var style: String?
        var elements: Set<String> = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil {
                root = name
                width = attributes["width"]
                height = attributes["height"]
                style = attributes["style"]
            }
            elements.insert(name)
        }
    }
}
