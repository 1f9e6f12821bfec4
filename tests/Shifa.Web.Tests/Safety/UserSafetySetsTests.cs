using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Shifa.Web.Hosting;
using Shifa.Web.Safety;

namespace Shifa.Web.Tests.Safety;

public sealed class UserSafetySetsTests : IDisposable
{
    // A made-up local word for an emergency sign: only the user's own set can teach it.
    private const string Message = "خالتي عندها قرقبيل";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-safety-sets-" + Guid.NewGuid().ToString("N"));

    public UserSafetySetsTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task The_learned_screen_learns_the_users_own_labelled_messages()
    {
        var set = Path.Combine(_dir, "clinic.tsv");
        var lines = new[]
        {
            "ابوي عنده قرقبيل من ساعة", "امي جاها قرقبيل فجأة", "زوجي صار عنده قرقبيل الحين", "اخوي عنده قرقبيل قوي", "جدي فيه قرقبيل وما يرد",
            "ستي عندها قرقبيل من الصبح", "عمي جاه قرقبيل وهو بالشغل", "بنت خالي عندها قرقبيل شديد", "جارنا صار معه قرقبيل", "ابن عمي فيه قرقبيل",
        }.Select(t => $"1\tstroke\tlevantine\t{t}");
        await File.WriteAllLinesAsync(set, ["# label\tcategory\tdialect\ttext", .. lines]);
        Assert.False(RedFlagDetector.Default.Detect(Message).IsUrgent);

        await using var app = ShifaWebHost.Create(new ShifaWebOptions { WorkspaceDirectory = Path.Combine(_dir, "ws"), Urls = "http://127.0.0.1:0", SafetySets = [set] }, new RefusingChatClient());
        var chat = app.Services.GetRequiredKeyedService<IChatClient>(ShifaWebHost.SafeChatKey);
        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, Message)]);
        Assert.StartsWith(SafetyMessages.UrgentHeading, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_user_set_stops_the_app_naming_file_line_and_field()
    {
        var set = Path.Combine(_dir, "mine.tsv");
        await File.WriteAllLinesAsync(set, ["# label\tcategory\tdialect\ttext", "1\tstroke\tmsa\tوجهه مايل فجأة", "yes\tstroke\tmsa\tلا يتكلم"]);
        var ex = Assert.Throws<InvalidDataException>(() => ShifaWebHost.Create(new ShifaWebOptions { WorkspaceDirectory = Path.Combine(_dir, "ws"), SafetySets = [set] }));
        Assert.Contains("mine.tsv line 3, field 'label'", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    // The backend must never be reached for an urgent message.
    private sealed class RefusingChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The backend was called for an urgent message.");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The backend was called for an urgent message.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
