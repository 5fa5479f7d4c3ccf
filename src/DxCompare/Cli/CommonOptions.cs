using System.CommandLine;

namespace DxCompare.Cli;

public static class CommonOptions
{
    /// <summary>decap-server's port (`PORT=8090 npx decap-server`); /admin/'s config and CSP point there.</summary>
    public static Option<int> DecapPort() =>
        new("--decap-port") { Description = "Port of the local decap-server (its PORT variable) that /admin/ saves through", DefaultValueFactory = _ => Cms.CmsOptions.DefaultLocalBackendPort };

    public static Option<string> Content() =>
        new("--content") { Description = "The content folder (topics.yml, metrics.yml, plans/, pages/)", DefaultValueFactory = _ => "content" };

    /// <summary>Every command that writes a folder names it --output; --out stays as an alias for older scripts.</summary>
    public static Option<string> OutputFolder(string description, string? defaultFolder = null)
    {
        var option = new Option<string>("--output", "--out") { Description = description };
        if (defaultFolder is null) option.Required = true;
        else option.DefaultValueFactory = _ => defaultFolder;
        return option;
    }
}
