using Shifa.Modeling.Architectures.Bert;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Bert;

// RoBERTa's forward for one unpadded sentence, written from the published description (Liu et al.
// 2019; fairseq/transformers' create_position_ids_from_input_ids) with plain tensor arithmetic in
// float64 over the checkpoint's own tensors: no Shifa module is used.
internal static class PlainRoberta
{
    public static Tensor Forward(IReadOnlyDictionary<string, Tensor> checkpoint, BertConfig cfg, long[] ids, int layers)
    {
        Tensor W(string name) => checkpoint["roberta." + name].to_type(ScalarType.Float64);

        // Positions count non-padding tokens and start after the padding index: pad+1, pad+2, …
        var positions = new long[ids.Length];
        long seen = 0;
        for (var t = 0; t < ids.Length; t++)
        {
            positions[t] = ids[t] == cfg.PadTokenId ? cfg.PadTokenId : cfg.PadTokenId + ++seen;
        }

        var x = W("embeddings.word_embeddings.weight").index_select(0, tensor(ids))
            + W("embeddings.position_embeddings.weight").index_select(0, tensor(positions))
            + W("embeddings.token_type_embeddings.weight")[0];
        x = Norm(x, W("embeddings.LayerNorm.weight"), W("embeddings.LayerNorm.bias"), cfg.LayerNormEps);
        int heads = cfg.NumAttentionHeads, hd = cfg.HiddenSize / heads;
        for (var l = 0; l < layers; l++)
        {
            var p = $"encoder.layer.{l}.";
            Tensor Lin(Tensor v, string name) => v.matmul(W(p + name + ".weight").t()) + W(p + name + ".bias");
            var q = Lin(x, "attention.self.query");
            var k = Lin(x, "attention.self.key");
            var v = Lin(x, "attention.self.value");
            var context = new List<Tensor>();
            for (var head = 0; head < heads; head++)
            {
                var cols = arange(head * hd, (head + 1) * hd, dtype: ScalarType.Int64);
                var qh = q.index_select(1, cols);
                var kh = k.index_select(1, cols);
                var vh = v.index_select(1, cols);
                var scores = qh.matmul(kh.t()) / Math.Sqrt(hd);
                var e = (scores - scores.max(1, keepdim: true).values).exp();
                context.Add((e / e.sum(1, keepdim: true)).matmul(vh));
            }

            var a = Norm(Lin(cat(context, 1), "attention.output.dense") + x, W(p + "attention.output.LayerNorm.weight"), W(p + "attention.output.LayerNorm.bias"), cfg.LayerNormEps);
            var z = Lin(a, "intermediate.dense");
            var gelu = 0.5 * z * (1 + (z / Math.Sqrt(2)).erf());
            x = Norm(Lin(gelu, "output.dense") + a, W(p + "output.LayerNorm.weight"), W(p + "output.LayerNorm.bias"), cfg.LayerNormEps);
        }

        return x;
    }

    private static Tensor Norm(Tensor x, Tensor gain, Tensor bias, double eps)
    {
        var mean = x.mean([1], keepdim: true);
        var variance = (x - mean).pow(2).mean([1], keepdim: true);
        return ((x - mean) / (variance + eps).sqrt() * gain) + bias;
    }
}
