using System.Diagnostics;
using System.Text.Json;

namespace DxCompare.Tests.Support;

/// <summary>The browser search client (theme/assets/search.js) run by node over a built site's static index.</summary>
public static class BrowserSearch
{
    public static string Node(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node {string.Join(' ', args)} failed:\n{output.Result}\n{error.Result}");
        return output.Result;
    }

    /// <summary>
    /// Runs the queries ({query, filters?} objects) through tests/search-js/run-queries.js. Each result, keyed by
    /// query + JSON filters, has total, message, the top 10 urls and the lines the results page shows for them.
    /// </summary>
    public static JsonElement Run(string siteOutput, IEnumerable<object> queries)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dxcompare-queries-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(queries));
        try
        {
            return JsonDocument.Parse(Node("tests/search-js/run-queries.js", siteOutput, file)).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
