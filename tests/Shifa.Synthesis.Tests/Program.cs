// Entry point of the test assembly when started as a child process by the kill test.
namespace Shifa.Synthesis.Tests;

public static class Program
{
    public static Task<int> Main(string[] args) => Engine.KillTestHost.RunAsync(args);
}
