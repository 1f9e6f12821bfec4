// Training benchmarks: `bpe` (trainer speed), `quickstart` (shifa-tiny on the sample), `throughput` (tokens/s, MFU, python peer).
using Shifa.Bench.Training;

return args.FirstOrDefault() switch
{
    "bpe" => BpeBenchmark.Run(args[1..]),
    "throughput" => ThroughputBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Shifa.Bench.Training bpe|quickstart|throughput [options]; see README.md");
    return 2;
}
