using System.Text;

namespace Shifa.Core.Readers;

/// <summary>The encoding chosen for a text file and the evidence behind the choice.</summary>
/// <param name="Encoding">Decoder to use; for UTF-8 it turns invalid bytes into <see cref="TextEncodingDetector.InvalidByteMarker"/>.</param>
/// <param name="Name">Short name: <c>utf-8</c>, <c>utf-8-bom</c>, <c>utf-16le</c>, <c>utf-16be</c> or <c>windows-1256</c>.</param>
/// <param name="PreambleLength">Bytes of byte-order mark to skip before decoding.</param>
/// <param name="InvalidUtf8Sequences">Invalid UTF-8 sequences found while scanning (0 when not scanned).</param>
/// <param name="ValidMultiByteSequences">Valid non-ASCII UTF-8 characters found while scanning.</param>
public sealed record DetectedEncoding(Encoding Encoding, string Name, int PreambleLength, long InvalidUtf8Sequences, long ValidMultiByteSequences);
