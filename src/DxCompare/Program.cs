using System.CommandLine;
using DxCompare.Cli;

var root = new RootCommand("DxCompare: compare Japanese municipalities' DX plans")
{
    ValidateCommand.Create(),
    ExportCommand.Create(),
    SchemaCommand.Create(),
    BuildCommand.Create(),
    ServeCommand.Create(),
    SearchCommand.Create(),
    BenchCommand.Create(),
    NewCommand.Create(),
    SheetCommand.Create(),
};
return root.Parse(args).Invoke();
