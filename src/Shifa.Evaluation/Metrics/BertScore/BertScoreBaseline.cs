// Rescaling baselines in bert_score's file format: CSV with header LAYER,P,R,F, one row per layer.
using System.Globalization;

namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>Baseline P/R/F of one layer, used as x' = (x − b) / (1 − b).</summary>
/// <param name="P">Precision baseline.</param>
/// <param name="R">Recall baseline.</param>
/// <param name="F">F1 baseline.</param>
/// <param name="Source">File it came from (or a description), for the signature and messages.</param>
public sealed record BertScoreBaseline(double P, double R, double F, string Source)
{
    /// <summary>Reads the row for <paramref name="layer"/> from a bert_score baseline file.</summary>
    public static BertScoreBaseline Load(string path, int layer)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"BERTScore baseline file '{path}' not found. Compute one with 'shifa evaluate baseline' or turn rescaling off.", path);
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Replace(" ", string.Empty, StringComparison.Ordinal).Equals("LAYER,P,R,F", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path}:1: expected the header 'LAYER,P,R,F'.");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != 4)
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected 4 comma-separated values (LAYER,P,R,F), found {cells.Length}.");
            }

            if (!int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
            {
                throw new InvalidDataException($"{path}:{i + 1}: field LAYER '{cells[0]}' is not an integer.");
            }

            if (l != layer)
            {
                continue;
            }

            var v = new double[3];
            for (var k = 0; k < 3; k++)
            {
                if (!double.TryParse(cells[k + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out v[k]) || v[k] >= 1 || double.IsNaN(v[k]))
                {
                    throw new InvalidDataException($"{path}:{i + 1}: field {"PRF"[k]} '{cells[k + 1]}' is not a number below 1.");
                }
            }

            return new BertScoreBaseline(v[0], v[1], v[2], Path.GetFileName(path));
        }

        throw new InvalidDataException($"{path}: no row for layer {layer}; the baseline must be computed for the layer being scored.");
    }

    /// <summary>Writes rows (layer, P, R, F) in bert_score's format.</summary>
    public static void Save(string path, IEnumerable<(int Layer, double P, double R, double F)> rows)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        var lines = new List<string> { "LAYER,P,R,F" };
        lines.AddRange(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Layer},{r.P:R},{r.R:R},{r.F:R}")));
        File.WriteAllLines(path, lines);
    }
}
