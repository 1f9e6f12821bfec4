namespace Shifa.Core.Readers;

/// <summary>The input cannot be read at all (missing, unsupported, corrupt or without a header).</summary>
public sealed class TableReadException(string message, Exception? inner = null) : Exception(message, inner);
