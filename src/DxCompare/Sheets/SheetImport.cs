using System.Globalization;
using System.Text.RegularExpressions;
using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Sheets;

/// <summary>One problem in a workbook, located as Excel names cells: FILE.xlsx!Sheet!C12.</summary>
public sealed record SheetProblem(string File, string? Sheet, string? Cell, string Message)
{
    public override string ToString() =>
        Sheet is null ? $"{File}: {Message}" : Cell is null ? $"{File}!{Sheet}: {Message}" : $"{File}!{Sheet}!{Cell}: {Message}";
}

public sealed record ImportResult(IReadOnlyList<SheetProblem> Problems, Plan? Plan, string? Path, string? Written, bool Changed)
{
    public bool Succeeded => Problems.Count == 0 && Plan is not null;
}

/// <summary>
/// Reads a workbook back into a plan file. Cells are read as printed (<see cref="CellText"/>) into a YAML
/// document that the content loader checks with exactly the rules of a plan file (<see cref="YamlBinder"/>,
/// <see cref="PlanRules"/>, uniqueness across plans); every problem is reported at its cell, all in one run,
/// and nothing is written unless the whole workbook is valid. An existing plan file is changed only where
/// the workbook differs (<see cref="YamlPatch"/>); a new plan is written in the canonical form (<see cref="YamlWriter"/>).
/// </summary>
public sealed partial class SheetImport
{
    private readonly string _file;
    private readonly List<SheetProblem> _problems = [];
    private readonly ReferenceLabels _references;
    private readonly SheetVocabulary _vocabulary;
    private Dictionary<string, SheetCells> _sheets = new(StringComparer.Ordinal);

    private SheetImport(string path, ContentSet content)
    {
        _file = System.IO.Path.GetFileName(path);
        _references = ReferenceLabels.Of(content);
        _vocabulary = SheetVocabulary.Of(content);
    }

    /// <summary>Reads the workbook, checks it as a plan of <paramref name="contentDirectory"/>, and writes the plan file when <paramref name="write"/>.</summary>
    public static ImportResult Run(string workbookPath, string contentDirectory, bool write = true)
    {
        var file = System.IO.Path.GetFileName(workbookPath);
        var loaded = ContentLoader.Load(contentDirectory);
        if (!loaded.Succeeded)
            return new ImportResult([.. loaded.Diagnostics.Select(d => new SheetProblem(d.ToString(), null, null, "the content folder itself has problems; run validate and fix them first."))], null, null, null, false);
        var import = new SheetImport(workbookPath, loaded.Content!);
        var root = import.Read(workbookPath);
        // A missing sheet or header leaves whole parts unread: the rules would only repeat that as missing content.
        if (root is null || import._problems.Any(p => p.Cell is null || p.Cell == "1:1"))
            return new ImportResult(import._problems, null, null, null, false);
        // Rows with a cell that could not be read are left out of the rules' report: their problem is already said.
        var reported = import._problems.Where(p => p.Sheet is not null && p.Cell is not null)
            .Select(p => (p.Sheet!, RowOf(p.Cell!))).ToHashSet();

        var slug = root.Fields.GetValueOrDefault("municipality") is CellNode m && m.Fields.GetValueOrDefault("slug") is CellScalar s
            && SlugPattern().IsMatch(s.Text) ? s.Text : "plan";
        var yaml = CellYaml.Of(root);
        var check = PlanCheck.Run(contentDirectory, slug, yaml.Text);
        foreach (var diagnostic in check.Diagnostics)
        {
            if (!check.IsCandidate(diagnostic))
            {
                import._problems.Add(new SheetProblem(file, null, null, $"{diagnostic} (in the content folder, not the workbook)"));
                continue;
            }
            var origin = yaml.OriginOf(diagnostic.Line, diagnostic.Column);
            if (origin is not null && reported.Contains((origin.Sheet, origin.Row))) continue;
            import.AddAt(origin, LinesToCells(diagnostic.Message, yaml));
        }
        if (import._problems.Count > 0 || check.Plan is null) return new ImportResult([.. import._problems.OrderBy(p => p.Sheet is null ? 0 : 1)], null, null, null, false);

        var target = PlanScaffold.PathFor(contentDirectory, slug);
        var exists = File.Exists(target);
        var original = exists ? File.ReadAllText(target) : null;
        var text = original is not null ? YamlPatch.Apply(original, check.Plan, target) : YamlWriter.Write(check.Plan);
        var verify = PlanCheck.Run(contentDirectory, slug, text);
        if (verify.Plan is null || !ModelEquality.Equal(verify.Plan, check.Plan, gridAsSet: true))
        {
            var reason = verify.Diagnostics.Count > 0 ? verify.Diagnostics[0].ToString() : "the written plan differs from the workbook";
            return new ImportResult([new SheetProblem(file, null, null, $"internal error: the plan file could not be written faithfully ({reason}); nothing was written. Please report this with the workbook.")], null, null, null, false);
        }
        var changed = original != text;
        if (write && changed)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            var temporary = target + ".import";
            File.WriteAllText(temporary, text, new System.Text.UTF8Encoding(false));
            File.Move(temporary, target, overwrite: true);
        }
        return new ImportResult([], verify.Plan, target, text, changed);
    }

    [GeneratedRegex(Ids.Pattern)]
    private static partial Regex SlugPattern();

    private static int RowOf(string cell) => cell.Contains(':', StringComparison.Ordinal)
        ? int.Parse(cell.Split(':')[0], CultureInfo.InvariantCulture)
        : CellRef.Parse(cell).Row;

    /// <summary>"already used at line 95" in a rule's message becomes the cell that YAML line came from.</summary>
    private static string LinesToCells(string message, CellYaml yaml) =>
        LineReference().Replace(message, match =>
        {
            var line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
            return yaml.OriginOf(line, int.MaxValue) is { } origin ? $"at {origin.Sheet}!{origin.Reference}" : match.Value;
        });

    [GeneratedRegex(@"at (\S+\.yml:)?(line )?(?<line>\d+)(?=\))")]
    private static partial Regex LineReference();

    private void Add(string? sheet, string? cell, string message) => _problems.Add(new SheetProblem(_file, sheet, cell, message));

    private void AddAt(CellOrigin? origin, string message)
    {
        if (origin is null)
        {
            Add(null, null, message);
            return;
        }
        var cell = origin.Column > 0 ? origin.Reference : ColumnNamed(origin, message);
        if (cell is null && _listSheets.FirstOrDefault(l => message.Contains($"'{l.Key}'", StringComparison.Ordinal)).Value is { } sheet)
        {
            // A list the record lacks (no pillars at all): the sheet where its rows go.
            Add(sheet, null, message);
            return;
        }
        Add(origin.Sheet, cell ?? origin.Reference, message);
    }

    /// <summary>A problem about a whole row that names a field ('title' …) points at that field's cell.</summary>
    private string? ColumnNamed(CellOrigin origin, string message)
    {
        if (!_headers.TryGetValue(origin.Sheet, out var headers)) return null;
        foreach (var (column, spec) in headers)
        {
            if (spec.Field is { } field && message.Contains($"'{field.Name}'", StringComparison.Ordinal))
                return CellRef.Of(origin.Row, column);
        }
        return null;
    }

    private readonly Dictionary<string, Dictionary<int, SheetColumn>> _headers = new(StringComparer.Ordinal);

    /// <summary>The sheet that holds the rows of each list field (pillars → 目標).</summary>
    private readonly Dictionary<string, string> _listSheets = new(StringComparer.Ordinal);

    /// <summary>Owners of rows on sheets that could not be read: rows naming them are not reported again.</summary>
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

    // ---- reading the workbook ----

    private CellNode? Read(string path)
    {
        var sheets = XlsxReader.Read(path, out var problem);
        if (sheets is null)
        {
            Add(null, null, problem!);
            return null;
        }
        _sheets = sheets.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (!_sheets.TryGetValue(WorkbookLayout.PlanSheet, out var planSheet))
        {
            Add(null, null, $"the sheet 「{WorkbookLayout.PlanSheet}」 is missing. This does not look like a DxCompare workbook: export one with `sheet export --plan SLUG` or `sheet template`, and keep its sheet names.");
            return null;
        }
        var root = new CellNode(typeof(Plan), new CellOrigin(WorkbookLayout.PlanSheet, 1));
        var labels = ReadForm(planSheet, root);
        var layout = WorkbookLayout.Create(labels, [], new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, int>());
        CheckSheets(layout);
        foreach (var table in layout.Tables)
            foreach (var (_, field) in table.Parents) _listSheets.TryAdd(field.Name, table.Name);
        var owners = new Dictionary<string, CellNode>(StringComparer.Ordinal) { [WorkbookLayout.PlanSheet] = root };
        var numbered = new Dictionary<string, (CellNode Node, CellOrigin At)>(StringComparer.Ordinal);
        foreach (var table in layout.Tables)
        {
            if (!_sheets.TryGetValue(table.Name, out var sheet) || !ReadTable(sheet, table, labels, owners, numbered))
                _unreadable.Add(WorkbookLayout.LevelName(labels, table.ElementType) ?? table.Name);
        }
        if (layout.Grid is { } grid && _sheets.TryGetValue(grid.Name, out var gridSheet)
            && !_unreadable.Contains(layout.Tables.First(t => t.ElementType == grid.OwnerType).Name))
            ReadGrid(gridSheet, grid, numbered);
        return root;
    }

    private void CheckSheets(WorkbookLayout layout)
    {
        var expected = layout.SheetNames.ToHashSet(StringComparer.Ordinal);
        foreach (var name in expected.Where(n => n != WorkbookLayout.InstructionsSheet && !_sheets.ContainsKey(n)))
        {
            var near = _sheets.Keys.Where(k => !expected.Contains(k)).Select(k => (k, d: YamlBinder.Levenshtein(k, name))).Where(x => x.d <= 2).Select(x => x.k).FirstOrDefault();
            Add(name, null, near is not null
                ? $"the sheet 「{name}」 is missing; the sheet 「{near}」 looks like it renamed. Rename it back to 「{name}」."
                : $"the sheet 「{name}」 is missing. Keep every sheet of the exported workbook (an empty sheet keeps its header row). Sheets expected: {string.Join("、", expected)}.");
        }
        foreach (var (name, sheet) in _sheets)
        {
            if (name == WorkbookLayout.ListsSheet) continue;
            if (!expected.Contains(name))
            {
                Add(name, null, $"the workbook has a sheet 「{name}」 that is not part of a plan workbook, so its content would be lost. Move what it holds to the sheets {string.Join("、", expected.Skip(1))}, then delete it.");
                continue;
            }
            if (name == WorkbookLayout.InstructionsSheet) continue;
            if (sheet.Hidden) Add(name, null, $"the sheet 「{name}」 is hidden. Unhide it (right-click a sheet tab → 再表示) so that what you see is what is imported.");
            foreach (var range in sheet.MergedRanges)
                Add(name, range.Split(':')[0], $"cells {range} are merged. Unmerge them (ホーム → セルを結合して中央揃え を解除) and write each value in its own cell; a value that covers several years goes in each year's cell.");
            foreach (var row in sheet.HiddenRows)
                Add(name, $"{row}:{row}", $"row {row} is hidden. Unhide it (select the rows around it → right-click → 再表示) or delete it: a hidden row would be imported unseen.");
            foreach (var column in sheet.HiddenColumns.Where(c => sheet.Rows.Values.Any(r => r.ContainsKey(c))))
                Add(name, $"{CellRef.Column(column)}:{CellRef.Column(column)}", $"column {CellRef.Column(column)} is hidden. Unhide it or delete it: a hidden column would be imported unseen.");
            foreach (var cell in sheet.Rows.Values.SelectMany(r => r.Values))
            {
                if (cell.Formula is not null)
                    Add(name, cell.Reference, $"the cell holds a formula ({cell.Formula}). Type the value as the plan prints it instead; a figure must be transcribed, not computed.");
                else if (cell.Kind == CellKind.Error)
                    Add(name, cell.Reference, $"the cell holds the error {cell.Text}. Type the value as the plan prints it.");
            }
        }
    }

    // ---- the plan sheet ----

    private LevelLabels ReadForm(SheetCells sheet, CellNode root)
    {
        var layout = WorkbookLayout.Create(new LevelLabels(), [], new HashSet<string>(), new Dictionary<string, int>());
        var rows = layout.Form.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var (keyColumn, valueColumn) = (FindHeader(sheet, "キー"), FindHeader(sheet, "値"));
        if (keyColumn == 0 || valueColumn == 0)
        {
            Add(sheet.Name, "1:1", "the header row must have the columns 「値」 and 「キー」 (as exported). Copy the sheet 「計画」 from an exported workbook or the template.");
            return new LevelLabels();
        }
        var labels = new LevelLabels();
        foreach (var (row, _) in sheet.Rows.Where(r => r.Key > 1))
        {
            var key = sheet.Text(row, keyColumn).Trim();
            var cell = sheet.Cell(row, valueColumn);
            if (key.Length == 0)
            {
                if (cell is not null) Add(sheet.Name, cell.Reference, "this row has a value but no key in the column 「キー」. Keep the key column as exported.");
                continue;
            }
            if (!rows.TryGetValue(key, out var formRow))
            {
                Add(sheet.Name, CellRef.Of(row, keyColumn), $"unknown key '{key}'.{YamlBinder.SuggestionFor(key, rows.Keys)} Keys: {string.Join(", ", rows.Keys)}.");
                continue;
            }
            if (cell is null) continue;
            var node = root;
            var path = key.Split('.');
            var origin = new CellOrigin(sheet.Name, row, valueColumn);
            for (var i = 0; i < formRow.Route.Count; i++) node = node.Child(path[i], formRow.Route[i].PropertyType, origin with { Column = 0 });
            if (ReadScalar(cell, formRow.Field, origin) is { } text)
            {
                if (formRow.Field.Shape == FieldShape.TextList) node.Fields[formRow.Field.Name] = ToList(text, origin);
                else node.Scalar(formRow.Field.Name, text, origin);
                if (formRow.Route.Count == 1 && formRow.Route[0].PropertyType == typeof(LevelLabels))
                    formRow.Field.Property.SetValue(labels, text);
            }
        }
        _headers[sheet.Name] = new() { [valueColumn] = new SheetColumn("値", ColumnKind.Field) };
        return labels;
    }

    private static CellTextList ToList(string joined, CellOrigin origin) =>
        new([.. joined.Split('\n').Select(item => new CellScalar(item, origin))]);

    private static int FindHeader(SheetCells sheet, string header) =>
        sheet.Rows.TryGetValue(1, out var cells) ? cells.Values.FirstOrDefault(c => CellText.Normalize(c.Text) == header)?.Column ?? 0 : 0;

    // ---- table sheets ----

    private Dictionary<int, SheetColumn>? MatchHeaders(SheetCells sheet, IReadOnlyList<SheetColumn> expected, Func<string, SheetColumn?>? dynamic = null)
    {
        var byHeader = expected.ToDictionary(c => Header(c.Header), StringComparer.Ordinal);
        var found = new Dictionary<int, SheetColumn>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        if (sheet.Rows.TryGetValue(1, out var header))
        {
            foreach (var cell in header.Values)
            {
                var text = Header(cell.Text);
                if (text.Length == 0) continue;
                var column = byHeader.GetValueOrDefault(text) ?? dynamic?.Invoke(text) ?? ListItem(text, expected);
                if (column is null)
                {
                    var suggestion = YamlBinder.SuggestionFor(text, byHeader.Keys);
                    Add(sheet.Name, cell.Reference, $"unknown column 「{cell.Text}」.{suggestion.Replace("Did you mean '", "Did you mean 「", StringComparison.Ordinal).Replace("'?", "」?", StringComparison.Ordinal)} Keep the headers as exported (columns may be moved, not renamed). Columns of this sheet: {string.Join("、", expected.Select(c => Header(c.Header)))}.");
                    continue;
                }
                if (seen.TryGetValue(text, out var earlier))
                {
                    Add(sheet.Name, cell.Reference, $"the column 「{text}」 appears twice (also {earlier}). Keep one.");
                    continue;
                }
                seen[text] = cell.Reference;
                found[cell.Column] = column;
            }
        }
        var missing = expected.Where(c => c.Kind is ColumnKind.Number or ColumnKind.Owner or ColumnKind.Field or ColumnKind.ChildField or ColumnKind.RowKind
            || (c.Kind == ColumnKind.ListItem && c.Index == 1)).Where(c => !found.ContainsValue(c)).ToList();
        foreach (var column in missing)
            Add(sheet.Name, "1:1", $"the column 「{Header(column.Header)}」 is missing (was it renamed or deleted?). Add it back with exactly this header; the order of columns does not matter.");
        _headers[sheet.Name] = found;
        return missing.Count == 0 ? found : null;
    }

    private static string Header(string text) => CellText.Normalize(text).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>トピック4 when the sheet was exported with three: a list of ids takes any number of columns.</summary>
    private static SheetColumn? ListItem(string header, IReadOnlyList<SheetColumn> expected)
    {
        foreach (var column in expected.Where(c => c.Kind == ColumnKind.ListItem && c.Index == 1))
        {
            var prefix = column.Field!.Label;
            if (header.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(header.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0)
                return column with { Header = header, Index = index };
        }
        return null;
    }

    private static bool IsExample(SortedDictionary<int, CellData> cells) =>
        cells.Values.FirstOrDefault() is { } first && CellText.Normalize(first.Text).StartsWith(CellText.Normalize(WorkbookLayout.ExampleMark), StringComparison.Ordinal);

    /// <returns>Whether the sheet's header row could be read.</returns>
    private bool ReadTable(SheetCells sheet, TableSheet table, LevelLabels labels, Dictionary<string, CellNode> owners,
        Dictionary<string, (CellNode Node, CellOrigin At)> numbered)
    {
        var columns = MatchHeaders(sheet, table.Columns);
        if (columns is null) return false;
        CellNode? current = null;
        foreach (var (row, cells) in sheet.Rows.Where(r => r.Key > 1))
        {
            if (IsExample(cells) || cells.Values.All(c => c.Text.Trim().Length == 0)) continue;
            var parentCells = columns.Where(c => c.Value.Kind != ColumnKind.ChildField && cells.ContainsKey(c.Key)).ToList();
            if (parentCells.Count == 0 && table.Flattened is not null && current is not null)
            {
                ReadChild(sheet, row, columns, current, table.Flattened);
                continue;
            }
            var node = new CellNode(table.ElementType, new CellOrigin(sheet.Name, row));
            CellNode? owner = owners[WorkbookLayout.PlanSheet];
            var listItems = new SortedDictionary<(string Field, int Index), CellScalar>();
            foreach (var (column, spec) in columns)
            {
                var cell = sheet.Cell(row, column);
                var origin = new CellOrigin(sheet.Name, row, column);
                switch (spec.Kind)
                {
                    case ColumnKind.Owner:
                        owner = ResolveOwner(cell, origin, table, labels, owners);
                        break;
                    case ColumnKind.Number when cell is not null:
                        var number = CellText.PlainNumber(cell.Text);
                        if (numbered.TryGetValue(number, out var earlier))
                            Add(sheet.Name, origin.Reference, $"No. {number} is used twice (also {earlier.At.Reference}). Give each row its own number.");
                        else numbered[number] = (node, origin);
                        break;
                    case ColumnKind.Number:
                        Add(sheet.Name, origin.Reference, $"the column 「{WorkbookLayout.NumberHeader}」 is empty. Give the row a number not used by another row; the sheet 「{WorkbookLayout.GridSheetName}」 refers to it.");
                        break;
                    case ColumnKind.Field when cell is not null:
                        if (ReadScalar(cell, spec.Field!, origin) is { } text)
                        {
                            if (spec.Field!.Shape == FieldShape.TextList)
                                node.Fields[spec.Field.Name] = new CellTextList([.. CellText.ReadList(text).Select(i => new CellScalar(i, origin))]);
                            else node.Scalar(spec.Field.Name, text, origin);
                        }
                        break;
                    case ColumnKind.ListItem when cell is not null && CellText.Normalize(cell.Text).Length > 0:
                        var item = _references.IdOf(spec.Field!.References!.Kind, CellText.Normalize(cell.Text)) ?? CellText.Normalize(cell.Text);
                        listItems[(spec.Field.Name, spec.Index)] = new CellScalar(item, origin);
                        break;
                    default:
                        break;
                }
            }
            foreach (var group in listItems.GroupBy(i => i.Key.Field))
                node.Fields[group.Key] = new CellTextList([.. group.Select(g => g.Value)]);
            if (table.Flattened is { } child)
            {
                node.List(child.Name);
                ReadChild(sheet, row, columns, node, child);
            }
            current = node;
            if (WorkbookLayout.LevelName(labels, table.ElementType) is { } levelName && node.Key is { } nodeKey)
                owners.TryAdd(levelName + CellText.Normalize(nodeKey), node);
            if (owner is null) continue;
            var field = table.Parents.FirstOrDefault(p => p.Parent == owner.Type).Field;
            if (field is null)
            {
                var allowed = string.Join("、", table.Parents.Select(p => WorkbookLayout.LevelName(labels, p.Parent) ?? WorkbookLayout.PlanSheet));
                var ownerColumn = columns.First(c => c.Value.Kind == ColumnKind.Owner).Key;
                Add(sheet.Name, CellRef.Of(row, ownerColumn), $"a row of 「{table.Name}」 cannot belong to 「{sheet.Text(row, ownerColumn)}」. Write the name of a {allowed} (e.g. {allowed.Split('、')[0]}1).");
                continue;
            }
            owner.List(field.Name).Add(node);
        }
        return true;
    }

    private void ReadChild(SheetCells sheet, int row, Dictionary<int, SheetColumn> columns, CellNode parent, FieldSpec child)
    {
        var cells = columns.Where(c => c.Value.Kind == ColumnKind.ChildField && sheet.Cell(row, c.Key) is not null).ToList();
        if (cells.Count == 0) return;
        var item = new CellNode(child.ElementType, new CellOrigin(sheet.Name, row));
        foreach (var (column, spec) in cells)
        {
            var origin = new CellOrigin(sheet.Name, row, column);
            if (ReadScalar(sheet.Cell(row, column)!, spec.Field!, origin) is { } text) item.Scalar(spec.Field!.Name, text, origin);
        }
        parent.List(child.Name).Add(item);
    }

    private CellNode? ResolveOwner(CellData? cell, CellOrigin origin, TableSheet table, LevelLabels labels, Dictionary<string, CellNode> owners)
    {
        var allowed = table.Parents.Select(p => WorkbookLayout.LevelName(labels, p.Parent) ?? WorkbookLayout.PlanSheet).Distinct().ToList();
        var example = allowed.FirstOrDefault(a => a != WorkbookLayout.PlanSheet) is { } level ? level + "1" : WorkbookLayout.PlanSheet;
        if (cell is null)
        {
            Add(origin.Sheet, origin.Reference, $"the column 「{WorkbookLayout.OwnerHeader}」 is empty. Write what this row belongs to: {string.Join("、", allowed)} with its number (e.g. {example}).");
            return null;
        }
        var name = CellText.Normalize(cell.Text).Replace(" ", "", StringComparison.Ordinal);
        if (owners.TryGetValue(name, out var owner)) return owner;
        if (_unreadable.Any(level => name.StartsWith(level, StringComparison.Ordinal))) return null;
        Add(origin.Sheet, origin.Reference, $"「{cell.Text}」 names no row of this workbook. Write {string.Join("、", allowed)} with the number of a row on its sheet (e.g. {example}).{YamlBinder.SuggestionFor(name, owners.Keys)}");
        return null;
    }

    // ---- the fiscal-year grid ----

    private void ReadGrid(SheetCells sheet, GridSheet grid, Dictionary<string, (CellNode Node, CellOrigin At)> numbered)
    {
        var valueFields = ModelCatalog.FieldsOf(grid.Field.ElementType);
        var columns = MatchHeaders(sheet, grid.Columns, header => YearColumn(header, valueFields));
        if (columns is null) return;
        var rowKinds = new Dictionary<(string Number, string Kind), int>();
        foreach (var (row, cells) in sheet.Rows.Where(r => r.Key > 1))
        {
            if (IsExample(cells) || cells.Values.All(c => c.Text.Trim().Length == 0)) continue;
            var numberColumn = columns.First(c => c.Value.Kind == ColumnKind.Number).Key;
            var kindColumn = columns.First(c => c.Value.Kind == ColumnKind.RowKind).Key;
            var numberCell = sheet.Cell(row, numberColumn);
            var number = numberCell is null ? "" : CellText.PlainNumber(numberCell.Text);
            if (!numbered.TryGetValue(number, out var owner))
            {
                Add(sheet.Name, CellRef.Of(row, numberColumn), numberCell is null
                    ? $"the column 「{grid.Columns[0].Header}」 is empty. Write the No. of the indicator on the sheet 「{Tables(grid)}」 whose values this row holds."
                    : $"No. {numberCell.Text} is not a row of the sheet 「{Tables(grid)}」. Write the No. of the indicator whose values this row holds, or add the indicator there first.");
                continue;
            }
            var kindCell = sheet.Cell(row, kindColumn);
            var kind = kindCell is null ? null : CellText.ReadEnum(grid.KindField, kindCell.Text);
            if (kind is null)
            {
                Add(sheet.Name, CellRef.Of(row, kindColumn), $"「{kindCell?.Text}」 is not a kind of value. Write one of {EnumChoices(grid.KindField)}.");
                continue;
            }
            if (rowKinds.TryGetValue((number, kind), out var other))
            {
                Add(sheet.Name, CellRef.Of(row, kindColumn), $"No. {number} has two rows of {kindCell!.Text} (also row {other}). Put each year's value in its own column of one row.");
                continue;
            }
            rowKinds[(number, kind)] = row;
            var indicator = IndicatorFor(owner.Node, _vocabulary);
            var values = owner.Node.List(grid.Field.Name);
            foreach (var (column, spec) in columns.Where(c => c.Value.Kind == ColumnKind.YearValue))
            {
                var cell = sheet.Cell(row, column);
                var fields = columns.Where(c => c.Value.Kind == ColumnKind.YearField && c.Value.Fy == spec.Fy).ToList();
                var origin = new CellOrigin(sheet.Name, row, column);
                if (cell is null || CellText.Normalize(cell.Text).Length == 0)
                {
                    foreach (var (fieldColumn, _) in fields.Where(f => sheet.Cell(row, f.Key) is not null))
                        Add(sheet.Name, CellRef.Of(row, fieldColumn), $"this cell belongs to the value of {FiscalYear.Wareki(spec.Fy)}, but {origin.Reference} is empty. Write the value, or move this to the indicator's 注記.");
                    continue;
                }
                if (ReadPrinted(cell, indicator, origin) is not { } printed) continue;
                var value = new CellNode(grid.Field.ElementType, origin);
                value.Scalar(grid.YearField.Name, spec.Fy.ToString(CultureInfo.InvariantCulture), origin);
                value.Scalar(grid.KindField.Name, kind, new CellOrigin(sheet.Name, row, kindColumn));
                if (printed.Number is { } n) value.Scalar("value", n.ToString(CultureInfo.InvariantCulture), origin);
                if (printed.Status is { } status) value.Scalar("status", status, origin);
                if (printed.Qualifier is { } qualifier) value.Scalar("qualifier", qualifier, origin);
                foreach (var (fieldColumn, fieldSpec) in fields)
                {
                    if (sheet.Cell(row, fieldColumn) is not { } fieldCell) continue;
                    var at = new CellOrigin(sheet.Name, row, fieldColumn);
                    if (ReadScalar(fieldCell, fieldSpec.Field!, at) is { } text) value.Scalar(fieldSpec.Field!.Name, text, at);
                }
                values.Add(value);
            }
        }
        // Values in the order of the model's canonical form: by fiscal year, then kind.
        foreach (var (node, _) in numbered.Values)
        {
            if (node.Fields.GetValueOrDefault(grid.Field.Name) is List<CellNode> list)
            {
                var kinds = ModelCatalog.EnumNames(grid.KindField.ElementType).ToList();
                var sorted = list.OrderBy(v => ((CellScalar)v.Fields[grid.YearField.Name]).Text, StringComparer.Ordinal)
                    .ThenBy(v => kinds.IndexOf(((CellScalar)v.Fields[grid.KindField.Name]).Text)).ToList();
                list.Clear();
                list.AddRange(sorted);
            }
        }
    }

    private static string Tables(GridSheet grid) => ModelCatalog.FieldsOf(grid.OwnerType).Count > 0 ? "指標" : "";

    private static SheetColumn? YearColumn(string header, IReadOnlyList<FieldSpec> valueFields)
    {
        var match = YearHeaderPattern().Match(header);
        if (!match.Success) return null;
        var year = CellText.ReadYear(match.Groups["year"].Value, out _);
        if (year is null) return null;
        var rest = match.Groups["rest"].Value;
        if (rest.Length == 0) return new SheetColumn(header, ColumnKind.YearValue, Fy: year.Value);
        var field = valueFields.FirstOrDefault(f => Header(f.Label) == rest);
        return field is null ? null : new SheetColumn(header, ColumnKind.YearField, field, year.Value);
    }

    [GeneratedRegex(@"^(?<year>((明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\d{1,2})(年度|年)?)?(\(?\d{4}(年度)?\)?)?)(?<rest>.*)$")]
    private static partial Regex YearHeaderPattern();

    private static Indicator IndicatorFor(CellNode node, SheetVocabulary vocabulary)
    {
        var qualifier = node.Fields.GetValueOrDefault("qualifier") is CellScalar q ? q.Text : null;
        return new Indicator
        {
            Unit = node.Fields.GetValueOrDefault("unit") is CellScalar unit ? unit.Text : null,
            Qualifier = qualifier,
            QualifierClass = vocabulary.QualifierClassOf(qualifier),
        };
    }

    private PrintedValue? ReadPrinted(CellData cell, Indicator indicator, CellOrigin origin)
    {
        if (cell.Kind == CellKind.Date)
        {
            Add(origin.Sheet, origin.Reference, $"Excel turned this cell into a date ({cell.Text}). Set the cell's format to 文字列 and type the value as printed (e.g. 40%).");
            return null;
        }
        var printed = CellText.ReadValue(cell.Text, indicator, _vocabulary);
        if (printed is null || !printed.Unreadable) return printed;
        var unit = indicator.Unit ?? "";
        var qualifier = indicator.Qualifier is { Length: > 0 } q ? $" and qualifier {q}" : "";
        var example = Indicators.Format(new IndicatorValue { Value = printed.Number ?? 0 }, indicator);
        Add(origin.Sheet, origin.Reference, unit.Length == 0
            ? $"「{cell.Text}」 has a number but its indicator has no unit. Write the unit in the indicator's 単位 on the sheet 「指標」, or write a plain number."
            : $"「{cell.Text}」 does not read as a value of this indicator (unit {unit}{qualifier}). Write it as printed with the indicator's unit, e.g. {example}, optionally with one of {string.Join("、", _vocabulary.Qualifiers)}.");
        return null;
    }

    // ---- one cell ----

    /// <summary>The YAML text of a cell for a field, read as printed; null (with a problem) when it cannot be read.</summary>
    private string? ReadScalar(CellData cell, FieldSpec field, CellOrigin origin)
    {
        if (cell.Formula is not null || cell.Kind == CellKind.Error) return null;
        var text = cell.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (cell.Kind == CellKind.Date)
        {
            Add(origin.Sheet, origin.Reference, field.FiscalYear is not null
                ? $"a date ({cell.Text}) is typed where a fiscal year belongs. Write the fiscal year: {CellText.Year(int.Parse(cell.Text[..4], CultureInfo.InvariantCulture) - (int.Parse(cell.Text[5..7], CultureInfo.InvariantCulture) < 4 ? 1 : 0))}, R{int.Parse(cell.Text[..4], CultureInfo.InvariantCulture) - 2018} or {cell.Text[..4]}."
                : $"Excel turned this cell into a date ({cell.Text}). Set the cell's format to 文字列 and type it again as text (e.g. {cell.Text[..7]}).");
            return null;
        }
        switch (field.Shape)
        {
            case FieldShape.Integer when field.FiscalYear is not null:
                var year = CellText.ReadYear(text, out var problem);
                if (problem is not null)
                {
                    Add(origin.Sheet, origin.Reference, problem);
                    return null;
                }
                return year?.ToString(CultureInfo.InvariantCulture) ?? CellText.Normalize(text);
            case FieldShape.Integer or FieldShape.Number:
                return CellText.PlainNumber(text);
            case FieldShape.Boolean:
                if (CellText.ReadBoolean(text) is { } flag) return flag ? "true" : "false";
                Add(origin.Sheet, origin.Reference, $"「{text}」 is not a yes/no mark. Write {CellText.Yes} for {field.Label}, or leave the cell empty.");
                return null;
            case FieldShape.Enum:
                if (CellText.ReadEnum(field, text) is { } name) return name;
                Add(origin.Sheet, origin.Reference, $"「{text}」 is not a choice of {field.Label}. Write one of {EnumChoices(field)}.");
                return null;
            case FieldShape.TextList:
                return string.Join("\n", CellText.ReadList(text));
            case FieldShape.Text when field.References is { } reference:
                return _references.IdOf(reference.Kind, CellText.Normalize(text)) ?? CellText.Normalize(text);
            case FieldShape.Text when field.Multiline:
                return text;
            default:
                return field.Pattern is not null || field.VocabularyWord is not null ? CellText.Normalize(text) : text.Trim();
        }
    }

    private static string EnumChoices(FieldSpec field) =>
        string.Join("、", System.Enum.GetNames(field.ElementType).Select(n => EnumLabels.Of(field.ElementType, n)));
}
