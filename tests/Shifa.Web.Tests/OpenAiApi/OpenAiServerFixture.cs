using Shifa.Web.Tests.Hosting;

namespace Shifa.Web.Tests.OpenAiApi;

/// <summary>One server for the class: these tests only read, and each start costs password hashing and a Kestrel boot.</summary>
public sealed class OpenAiServerFixture : IAsyncLifetime
{
    public ShifaServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ShifaServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
