using System.Text;
using Microsoft.Data.Sqlite;
using Shifa.Core.Readers;
using Shifa.Core.Storage;

namespace Shifa.Core.Tests.Ingest;

/// <summary>The doctor names of the original AraMed file, and every text a workspace holds, for leak checks.</summary>
public static class DoctorNames
{
    public static IReadOnlyList<string> Of(string originalCsv)
    {
        using var src = TableReader.Open(originalCsv);
        var cols = new[] { "Name of doctor 1", "Name of doctor WA" }.Select(c => src.Columns.ToList().IndexOf(c)).ToArray();
        Assert.DoesNotContain(-1, cols);
        return src.Rows().SelectMany(r => cols.Select(i => r.Values[i]?.Trim()))
            .Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct().ToList();
    }

    /// <summary>All text values of every table in shifa.db, one per line, plus the WAL-checkpointed file bytes decoded as UTF-8.</summary>
    public static string WorkspaceText(Workspace ws)
    {
        var sb = new StringBuilder();
        using (var c = ws.OpenConnection())
        {
            var tables = new List<string>();
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type='table'";
                using var rd = cmd.ExecuteReader();
                while (rd.Read())
                {
                    tables.Add(rd.GetString(0));
                }
            }

            foreach (var t in tables)
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = $"SELECT * FROM \"{t}\"";
                using var rd = cmd.ExecuteReader();
                while (rd.Read())
                {
                    for (var i = 0; i < rd.FieldCount; i++)
                    {
                        sb.Append(rd.IsDBNull(i) ? "" : rd.GetValue(i).ToString()).Append('\n');
                    }
                }
            }

            using var cp = c.CreateCommand();
            cp.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            cp.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        foreach (var f in Directory.EnumerateFiles(ws.Root, "*", SearchOption.AllDirectories))
        {
            sb.Append(Encoding.UTF8.GetString(File.ReadAllBytes(f))).Append('\n');
        }

        return sb.ToString();
    }
}
