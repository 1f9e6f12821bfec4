namespace Shifa.Evaluation.Metrics.Bleu;

/// <summary>Smoothing methods of Chen &amp; Cherry (2014) as offered by sacrebleu.</summary>
public enum BleuSmoothing
{
    /// <summary>No smoothing.</summary>
    None,

    /// <summary>Method 1: zero precisions become <c>value / total</c> (default value 0.1).</summary>
    Floor,

    /// <summary>Method 2: add <c>k</c> to matches and totals of orders above 1 (default k 1).</summary>
    AddK,

    /// <summary>Method 3 (NIST / mteval-v13a, sacrebleu default): halve the credit per successive zero order.</summary>
    Exp,
}
