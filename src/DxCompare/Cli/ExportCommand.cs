using System.CommandLine;
using DxCompare.Content;
using DxCompare.Exports;
using DxCompare.Schema;

namespace DxCompare.Cli;

public static class ExportCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var output = CommonOptions.OutputFolder("Folder to write the open-data files to", "output/data");
        var command = new Command("export", "Write initiatives.csv, indicators.csv, plans.json and schema.json") { content, output };
        command.SetAction(parse =>
        {
            var result = ContentLoader.Load(parse.GetValue(content)!);
            if (!result.Succeeded) return ValidateCommand.Report(result, Console.Out, Console.Error);
            var directory = parse.GetValue(output)!;
            foreach (var file in OpenDataExport.WriteAll(result.Content!, directory))
                Console.WriteLine(Path.Combine(directory, file));
            return 0;
        });
        return command;
    }
}

public static class SchemaCommand
{
    public static Command Create()
    {
        var output = CommonOptions.OutputFolder("Folder to write the JSON Schemas to", "content/schema");
        var command = new Command("schema", "Write the JSON Schemas of the content files, generated from the C# model") { output };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(output)!;
            Directory.CreateDirectory(directory);
            foreach (var (fileName, root, title) in SchemaGenerator.ContentSchemas)
            {
                var path = Path.Combine(directory, fileName);
                File.WriteAllText(path, SchemaGenerator.ToJson(root, title));
                Console.WriteLine(path);
            }
            return 0;
        });
        return command;
    }
}
