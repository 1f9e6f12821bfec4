using Shifa.Modeling.Architectures.Bert;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Bert;

// BERT's forward written with plain loops over doubles from the published architecture
// (Devlin et al. 2019; post-norm, exact GELU), independent of the TorchSharp modules.
internal static class PlainBert
{
    public static double[,] Forward(IDictionary<string, Tensor> w, BertConfig cfg, long[] ids, int layers)
    {
        int n = ids.Length, h = cfg.HiddenSize;
        var x = new double[n, h];
        for (var t = 0; t < n; t++)
        {
            for (var c = 0; c < h; c++)
            {
                x[t, c] = Get(w, "embeddings.word_embeddings.weight", ids[t], c) + Get(w, "embeddings.position_embeddings.weight", t, c)
                    + Get(w, "embeddings.token_type_embeddings.weight", 0, c);
            }
        }

        x = LayerNorm(x, w, "embeddings.LayerNorm", cfg.LayerNormEps);
        for (var l = 0; l < layers; l++)
        {
            var p = $"encoder.layer.{l}.";
            var q = Linear(x, w, p + "attention.self.query");
            var k = Linear(x, w, p + "attention.self.key");
            var v = Linear(x, w, p + "attention.self.value");
            int heads = cfg.NumAttentionHeads, hd = h / heads;
            var ctx = new double[n, h];
            for (var head = 0; head < heads; head++)
            {
                for (var i = 0; i < n; i++)
                {
                    var s = new double[n];
                    for (var j = 0; j < n; j++)
                    {
                        for (var d = 0; d < hd; d++)
                        {
                            s[j] += q[i, (head * hd) + d] * k[j, (head * hd) + d];
                        }

                        s[j] /= Math.Sqrt(hd);
                    }

                    var max = s.Max();
                    var e = s.Select(z => Math.Exp(z - max)).ToArray();
                    var sum = e.Sum();
                    for (var j = 0; j < n; j++)
                    {
                        for (var d = 0; d < hd; d++)
                        {
                            ctx[i, (head * hd) + d] += e[j] / sum * v[j, (head * hd) + d];
                        }
                    }
                }
            }

            var a = LayerNorm(Add(Linear(ctx, w, p + "attention.output.dense"), x), w, p + "attention.output.LayerNorm", cfg.LayerNormEps);
            var inter = Linear(a, w, p + "intermediate.dense");
            for (var i = 0; i < inter.GetLength(0); i++)
            {
                for (var j = 0; j < inter.GetLength(1); j++)
                {
                    var z = inter[i, j];
                    inter[i, j] = 0.5 * z * (1 + Erf(z / Math.Sqrt(2)));
                }
            }

            x = LayerNorm(Add(Linear(inter, w, p + "output.dense"), a), w, p + "output.LayerNorm", cfg.LayerNormEps);
        }

        return x;
    }

    private static double Get(IDictionary<string, Tensor> w, string name, long i, long j) => w[name][i, j].item<float>();

    private static double[,] Linear(double[,] x, IDictionary<string, Tensor> w, string name)
    {
        var weight = w[name + ".weight"];
        var bias = w[name + ".bias"];
        int n = x.GetLength(0), inSize = x.GetLength(1), outSize = (int)weight.shape[0];
        var wt = weight.data<float>().ToArray();
        var b = bias.data<float>().ToArray();
        var y = new double[n, outSize];
        for (var t = 0; t < n; t++)
        {
            for (var o = 0; o < outSize; o++)
            {
                double s = b[o];
                for (var i = 0; i < inSize; i++)
                {
                    s += wt[(o * inSize) + i] * x[t, i];
                }

                y[t, o] = s;
            }
        }

        return y;
    }

    private static double[,] Add(double[,] a, double[,] b)
    {
        var y = (double[,])a.Clone();
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                y[i, j] += b[i, j];
            }
        }

        return y;
    }

    private static double[,] LayerNorm(double[,] x, IDictionary<string, Tensor> w, string name, double eps)
    {
        var g = w[name + ".weight"].data<float>().ToArray();
        var b = w[name + ".bias"].data<float>().ToArray();
        int n = x.GetLength(0), h = x.GetLength(1);
        var y = new double[n, h];
        for (var t = 0; t < n; t++)
        {
            double mean = 0, variance = 0;
            for (var c = 0; c < h; c++)
            {
                mean += x[t, c] / h;
            }

            for (var c = 0; c < h; c++)
            {
                variance += (x[t, c] - mean) * (x[t, c] - mean) / h;
            }

            for (var c = 0; c < h; c++)
            {
                y[t, c] = ((x[t, c] - mean) / Math.Sqrt(variance + eps) * g[c]) + b[c];
            }
        }

        return y;
    }

    // Abramowitz–Stegun 7.1.26 is too coarse for 1e-4 agreement; use the series/continued form.
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        if (x < 3)
        {
            double sum = x, term = x, x2 = x * x;
            for (var k = 1; k < 60; k++)
            {
                term *= -x2 / k;
                sum += term / ((2 * k) + 1);
            }

            return sign * 2 / Math.Sqrt(Math.PI) * sum;
        }

        return sign * (1 - (Math.Exp(-x * x) / (x * Math.Sqrt(Math.PI)) * (1 - (1 / (2 * x * x)))));
    }
}
