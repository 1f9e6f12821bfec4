// A workspace folder: shifa.db (SQLite, WAL, migrations) plus one artifact folder per stage.
using Microsoft.Data.Sqlite;

namespace Shifa.Core.Storage;

/// <summary>
/// Opens (creating when needed) a workspace folder and its database. Cheap to create; connections
/// are opened per unit of work so several stages and processes can share the file (WAL mode).
/// </summary>
public sealed class Workspace
{
    private readonly string _connectionString;

    private Workspace(string root)
    {
        Root = root;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }

    /// <summary>Absolute path of the workspace folder.</summary>
    public string Root { get; }

    /// <summary>Path of <c>shifa.db</c>.</summary>
    public string DatabasePath => Path.Combine(Root, "shifa.db");

    /// <summary>
    /// Opens the workspace at <paramref name="directory"/>, creating the folder and database and
    /// applying Core's migrations plus any <paramref name="schemas"/> given.
    /// </summary>
    public static Workspace Open(string directory, params IStoreSchema[] schemas)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        if (File.Exists(root))
        {
            throw new IOException($"Workspace path '{root}' is a file; pass a folder (it is created when missing).");
        }

        Directory.CreateDirectory(root);
        var ws = new Workspace(root);
        ws.EnsureSchema(CoreSchema.Instance);
        foreach (var s in schemas)
        {
            ws.EnsureSchema(s);
        }

        return ws;
    }

    /// <summary>Folder for a stage's artifacts (<c>profile</c>, <c>synth</c>, <c>curate</c>, <c>models/NAME</c>...), created on demand.</summary>
    public string ArtifactPath(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Opens a new connection with WAL, foreign keys and a busy timeout set.</summary>
    public SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
        cmd.ExecuteNonQuery();
        return c;
    }

    /// <summary>Applies the migrations of <paramref name="schema"/> not yet applied, each in its own transaction.</summary>
    public void EnsureSchema(IStoreSchema schema)
    {
        using var c = OpenConnection();
        using (var create = c.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        using var tx = c.BeginTransaction(deferred: false);
        long current;
        using (var get = c.CreateCommand())
        {
            get.Transaction = tx;
            get.CommandText = "SELECT version FROM schema_versions WHERE component = $c";
            get.Parameters.AddWithValue("$c", schema.Component);
            current = get.ExecuteScalar() is long v ? v : 0;
        }

        if (current > schema.Migrations.Count)
        {
            throw new InvalidOperationException(
                $"Workspace '{Root}' has {schema.Component} schema version {current}, newer than this Shifa build knows ({schema.Migrations.Count}). Upgrade Shifa or use another workspace.");
        }

        for (var i = (int)current; i < schema.Migrations.Count; i++)
        {
            using var m = c.CreateCommand();
            m.Transaction = tx;
            m.CommandText = schema.Migrations[i];
            m.ExecuteNonQuery();
        }

        using (var set = c.CreateCommand())
        {
            set.Transaction = tx;
            set.CommandText = "INSERT INTO schema_versions(component, version) VALUES ($c, $v) ON CONFLICT(component) DO UPDATE SET version = $v";
            set.Parameters.AddWithValue("$c", schema.Component);
            set.Parameters.AddWithValue("$v", schema.Migrations.Count);
            set.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
