using System.Globalization;
using System.Text.RegularExpressions;

namespace DxCompare.Content;

/// <summary>
/// The validator's messages, in English (the CLI's default) and in Japanese for editors (`validate --lang ja`,
/// the watch overlay, and the CMS, which gets these templates through /admin/dxcompare-model.js). A template
/// names its arguments ({code}); C# and the browser's theme/admin/validate.js fill them in the same way, and
/// tests/vectors/validation.json proves both give the same Japanese message on the same line.
/// </summary>
public static partial class ValidationMessages
{
    public sealed record Template(string En, string Ja);

    public static readonly IReadOnlyDictionary<string, Template> Templates = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        // The plan's identity and period.
        ["check-digit"] = new(
            "'code' {code} has a wrong check digit: the 6th digit of a 全国地方公共団体コード starting {prefix} must be {digit} ({expected}). Check the code against the official list.",
            "全国地方公共団体コード {code} の検査数字(6桁目)が違います。{prefix} で始まるコードの6桁目は {digit} です({expected})。公式のコード一覧と照らし合わせてください。"),
        ["slug-not-file-name"] = new(
            "'slug' is '{slug}' but the file is named '{file}.yml'. Rename the file to '{slug}.yml' or change the slug, so each municipality has exactly one file.",
            "URLスラッグ「{slug}」がファイル名 {file}.yml と違います。スラッグを {file} に戻すか、ファイル名を {slug}.yml に変えてください(自治体ごとにファイルは1つです)。"),
        ["period-reversed"] = new(
            "the plan period ends ({end}) before it starts ({start}). 'end' must be the last fiscal year, e.g. 令和10年度 → 2028.",
            "計画期間の終了年度({end})が開始年度({start})より前です。終了年度には最後の年度を入れてください(例: 令和10年度 → 2028)。"),

        // Structure and numbering.
        ["policies-without-label"] = new(
            "{pillar} has policies but 'labels.policy' is empty. Name the level as the plan does (e.g. 'policy: 施策') or move the initiatives up to the pillar.",
            "{pillar}に施策の階層がありますが、階層の名称(施策の呼び方)が空です。計画書の呼び方(施策 など)を入れるか、取組を柱の直下に移してください。"),
        ["pillar-without-initiatives"] = new(
            "{pillar} has no initiatives. Add 'initiatives:' (or 'policies:' with initiatives) under it.",
            "{pillar}に取組がありません。取組(または取組のある施策)を追加してください。"),
        ["policy-without-initiatives"] = new(
            "{policy} has no initiatives. Add 'initiatives:' under it.",
            "{policy}に取組がありません。取組を追加してください。"),
        ["duplicate-number"] = new(
            "duplicate {label} number {number} (already used at line {line}). Number each {label} as the plan does; numbers must be unique within the plan.",
            "{label}の番号 {number} が重複しています。計画書のとおりに、計画内で重複しない番号を付けてください。"),
        ["duplicate-number-in"] = new(
            "duplicate {label} number {number} in {parent} (already used at line {line}). Number each {label} as the plan does; numbers must be unique within their parent.",
            "{parent}の中で{label}の番号 {number} が重複しています。計画書のとおりに、{parent}の中で重複しない番号を付けてください。"),
        ["number-reused"] = new(
            "{where} has the same id '{key}' as {earlier} (line {line}): its number is reused under another parent. Give each {label} an 'id' unique within the plan for its URL, e.g. 'id: {suggestion}'.",
            "{where}のID「{key}」が{earlier}と同じです(番号が別の階層で繰り返されています)。ページのURLになるので、計画内で重複しないID(例: {suggestion})を付けてください。"),
        ["duplicate-id"] = new(
            "duplicate {label} id '{key}' (already used by {earlier} at line {line}). Each id must be unique within the plan.",
            "{label}のID「{key}」は{earlier}ですでに使われています。IDは計画内で重複しないようにしてください。"),

        // Initiatives.
        ["unknown-topic"] = new(
            "unknown topic id '{topic}' in {initiative}.{suggestion} Use an id from content/topics.yml or add the topic there.",
            "{initiative}のトピック「{topic}」は content/topics.yml にありません。一覧から選ぶか、トピックを追加してください。"),
        ["outside-period"] = new(
            "'{field}' {fy} ({wareki}) is outside the plan period {start}–{end} ({period}). Use a fiscal year inside the period, or widen 'period'.",
            "{wareki}({fy}年度)は計画期間 {period} の外です。期間内の年度にするか、計画期間を広げてください。"),
        ["until-before-fy"] = new(
            "'until' ({until}) is before 'fy' ({fy}). 'until' is the last fiscal year the cell covers.",
            "終了年度 {until} が年度 {fy} より前です。終了年度には、この欄が対象とする最後の年度を入れてください。"),

        // Indicators and comparable metrics.
        ["variant-without-metric"] = new(
            "'metric_variant' is set on indicator '{name}' but 'metric' is not. Add 'metric:' with the shared metric's id, or remove 'metric_variant'.",
            "指標「{name}」に比較指標の種類がありますが、比較指標がありません。比較指標を選ぶか、種類を外してください。"),
        ["unknown-metric"] = new(
            "unknown metric id '{metric}' on indicator '{name}'.{suggestion} Use an id from content/metrics.yml, add the metric there, or remove 'metric'.",
            "指標「{name}」の比較指標「{metric}」は content/metrics.yml にありません。一覧から選ぶか、比較指標を外してください。"),
        ["unknown-variant"] = new(
            "metric '{metric}' has no variant '{variant}'. Add it under 'variants' of '{metric}' in content/metrics.yml (id, label, unit), or remove 'metric_variant'.",
            "比較指標「{metric}」に種類「{variant}」はありません。content/metrics.yml の「{metric}」に種類を追加するか、種類を外してください。"),
        ["unknown-variant-of"] = new(
            "metric '{metric}' has no variant '{variant}'. Use one of {variants}, or add it under 'variants' of '{metric}' in content/metrics.yml.",
            "比較指標「{metric}」に種類「{variant}」はありません。{variants} のどれかにするか、content/metrics.yml に種類を追加してください。"),
        ["metric-unit"] = new(
            "indicator '{name}' is in '{unit}' but metric '{metric}' is measured in '{metricUnit}'. Comparable indicators must share a unit: name the variant it reports ('metric_variant:'; add one in content/metrics.yml if none is in '{unit}'), convert the values, or remove 'metric'.",
            "指標「{name}」の単位「{unit}」が比較指標「{metric}」の単位「{metricUnit}」と違います。比較できるのは同じ単位どうしです。種類を選ぶか、値を換算するか、比較指標を外してください。"),
        ["variant-unit"] = new(
            "indicator '{name}' is in '{unit}' but variant '{variant}' of metric '{metric}' is measured in '{metricUnit}'. Choose the variant in '{unit}' or convert the values.",
            "指標「{name}」の単位「{unit}」が比較指標「{metric}」の種類「{variant}」の単位「{metricUnit}」と違います。単位が「{unit}」の種類を選ぶか、値を換算してください。"),
        ["decision-source-without-decision"] = new(
            "'decision_source' is set on '{name}' but 'decision' is not. Write the decision as published (e.g. 'decision: 第2期計画で継続'), or remove 'decision_source'.",
            "「{name}」に判断の出典がありますが、判断がありません。公表されたとおりの判断(例: 第2期計画で継続)を入れるか、出典を外してください。"),
        ["no-unit"] = new(
            "indicator '{name}' has numeric values but no 'unit'. Add e.g. 'unit: \"%\"', 'unit: 人' or 'unit: 回/月'.",
            "指標「{name}」に数値がありますが単位がありません。%、人、回/月 などを入力してください。"),

        // Words from content/vocabulary.yml.
        ["unknown-unit"] = new(
            "unknown unit '{word}'. Add it to content/vocabulary.yml under '{list}' as '- {word: {word}, class: …}' with the shared class it compares as, one of {classes}. Keep the word as the plan prints it.",
            "単位「{word}」は content/vocabulary.yml の一覧(units)にありません。計画書の表記のまま、比較のための分類({classes})を選んで追加してください。"),
        ["unknown-qualifier"] = new(
            "unknown qualifier '{word}'. Add it to content/vocabulary.yml under '{list}' as '- {word: {word}, class: …}' with the shared class it compares as, one of {classes}. Keep the word as the plan prints it.",
            "修飾語「{word}」は content/vocabulary.yml の一覧(qualifiers)にありません。計画書の表記のまま、比較のための分類({classes})を選んで追加してください。"),
        ["unknown-status"] = new(
            "unknown status word '{word}'. Add it to content/vocabulary.yml under '{list}' as '- {word: {word}, class: …}' with the shared class it compares as, one of {classes}. Keep the word as the plan prints it.",
            "状態の語「{word}」は content/vocabulary.yml の一覧(status_words)にありません。計画書の表記のまま、比較のための分類({classes})を選んで追加してください。"),

        // Values.
        ["no-value"] = new(
            "a value of '{name}' for {fy} has neither 'value' nor 'status'. Give the number as 'value: 40' or a word such as 'status: 推進' (or 'status: —' when the plan shows none).",
            "「{name}」の {fy}年度の値に数値も状態もありません。数値か状態(推進、— など)を入力してください。"),
        ["value-and-status"] = new(
            "a value of '{name}' for {fy} has both 'value' and 'status'. Keep one: the number, or the word the plan prints instead of a number.",
            "「{name}」の {fy}年度の値に数値と状態の両方があります。どちらか一方にしてください。"),
        ["percent-range"] = new(
            "{number}{unit} is outside 0–100 for '{name}'. A percentage must be between 0 and 100; check the value or the unit.",
            "{number}{unit} は0〜100の範囲外です(「{name}」)。値か単位を確かめてください。"),
        ["duplicate-value"] = new(
            "'{name}' has two {type} values for {fy} from the same edition. Keep one per fiscal year, type and edition; a revised figure from a later report needs 'source:' naming that report.",
            "「{name}」に {fy}年度の{typeLabel}が同じ版から2つあります。年度・種別・版ごとに1つにしてください(後の報告で改められた値には、その報告を出典の版として付けます)。"),
        ["year-far-from-period"] = new(
            "'fy' {fy} ({wareki}) of '{name}' is {distance} years from the plan period {start}–{end}; a plan's values lie within {horizon} years of it. Check the year (和暦 → 西暦: 令和N年度 = 2018 + N).",
            "「{name}」の年度 {fy}({wareki})は計画期間({start}〜{end}年度)から{distance}年離れています。年度を確かめてください(令和N年度 = 2018 + N)。"),
        ["outside-period-flag-inside"] = new(
            "'outside_period' is set on '{name}' for {fy}, but {fy} ({wareki}) is inside the plan period {start}–{end}. Remove 'outside_period', or correct the year.",
            "「{name}」の {fy}年度({wareki})は計画期間({start}〜{end}年度)の中ですが、「計画期間外の値」の印が付いています。印を外すか、年度を直してください。"),
        ["baseline-after-period"] = new(
            "the baseline of '{name}' is for {fy}, after the plan period ({start}–{end}). A baseline is the situation before or at the start of the plan.",
            "「{name}」の基準値の年度 {fy} が計画期間({start}〜{end}年度)より後です。基準値は計画の開始時点までの状況です。"),
        ["value-outside-period"] = new(
            "'fy' {fy} ({wareki}) is outside the plan period {start}–{end} ({period}). Use a fiscal year inside the period, or widen 'period'; if the plan itself gives this value outside its period (a long-term target, a pre-plan actual), add 'outside_period: true'.",
            "「{name}」の {wareki}({fy}年度)は計画期間 {period} の外です。期間内の年度にするか計画期間を広げてください。計画書自体が期間外の値(長期目標、計画前の実績など)を載せているときは、「計画期間外の値」の印を付けます。"),
        ["value-until-before-fy"] = new(
            "'until' ({until}) is before 'fy' ({fy}) on '{name}'. 'until' is the last fiscal year the value covers.",
            "「{name}」の終了年度 {until} が年度 {fy} より前です。終了年度には、この値が対象とする最後の年度を入れてください。"),

        // Editions (sources) and grades.
        ["unknown-edition"] = new(
            "'{field}' names edition '{id}', but the plan lists no such edition in 'sources'.{suggestion} Give each document under 'sources' an 'id' (e.g. 'id: progress-2026') and cite it here.",
            "出典の版「{id}」は、この計画の出典(版)の一覧にありません。出典の各文書にID(例: progress-2026)を付けて、ここではそのIDを選んでください。"),
        ["unknown-edition-of"] = new(
            "'{field}' names edition '{id}', but the plan lists no such edition in 'sources'.{suggestion} Use one of {editions}, or add the document under 'sources' with that 'id'.",
            "出典の版「{id}」は、この計画の出典(版)の一覧にありません。{editions} のどれかにするか、その文書を出典に追加してください。"),
        ["edition-without-id"] = new(
            "the plan lists {count} editions in 'sources', so each needs an 'id' that figures cite (e.g. 'id: progress-2026' for 「{title}」).",
            "出典(版)が{count}つあるので、それぞれにIDが必要です(「{title}」に、例えば progress-2026)。値はこのIDで出典の版を示します。"),
        ["duplicate-edition-id"] = new(
            "duplicate edition id '{id}' (already used at line {line}). Each document under 'sources' needs its own id.",
            "出典の版のID「{id}」が重複しています。文書ごとに別のIDを付けてください。"),
        ["same-document"] = new(
            "editions '{earlier}' (line {line}) and '{edition}' claim the same document ({identity}). List each document once; a later report or revision is a new edition with its own title or date.",
            "出典の版「{earlier}」と「{edition}」が同じ文書({identity})です。文書は1回だけ載せてください。後の報告や改定は、別の題名か日付の新しい版です。"),
        ["evaluation-without-legend"] = new(
            "evaluation '{grade}' of '{name}' for {fy} cites {edition}, which has no 'evaluation_legend'. Add the legend as published to that edition (e.g. '- {grade: A, meaning: 目標を達成}'), or set 'source' to the edition that graded it.",
            "「{name}」の {fy}年度の評価「{grade}」の出典 {edition} に評価の凡例がありません。その版に公表どおりの凡例(例: A = 目標を達成)を追加するか、評価した版を出典にしてください。"),
        ["evaluation-not-in-legend"] = new(
            "evaluation '{grade}' of '{name}' for {fy} is not in the legend of {edition} ({grades}). Use a grade from that legend, or add '{grade}' to its 'evaluation_legend' with its meaning.",
            "「{name}」の {fy}年度の評価「{grade}」は {edition} の凡例({grades})にありません。凡例の評価にするか、凡例に「{grade}」とその意味を追加してください。"),

        // Publishing.
        ["placeholder"] = new(
            "'{field}' still holds the placeholder '{placeholder}'. Replace it with the plan's own words, or mark the plan 'draft: true' while it is being entered (drafts are not published).",
            "「{placeholder}」は仮の文字のままです。計画書の言葉に置き換えるか、入力中は計画を「作成中(下書き)」にしてください(作成中の計画は公開されません)。"),
        ["draft-linked"] = new(
            "the plan is marked 'draft: true', but {path} links to {url}; drafts are not published, so that link would break. Remove the link, or remove 'draft' once the plan is complete.",
            "この計画は作成中(下書き)ですが、{path} が {url} にリンクしています。作成中の計画は公開されないため、リンクが切れます。リンクを外すか、計画が完成したら作成中の印を外してください。"),
    };

    /// <summary>
    /// The messages of reading a content folder: files, YAML, and each field's type, pattern and limits. The CMS's
    /// own widgets (numbers, required fields, patterns, year fields) keep a form from producing these, so only the
    /// C# side uses them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Template> Reading = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        // Folders and files.
        ["no-content-folder"] = new(
            "the content folder '{folder}' does not exist. Pass the folder that holds topics.yml, metrics.yml and plans/.",
            "コンテンツのフォルダ「{folder}」がありません。topics.yml、metrics.yml、plans/ のあるフォルダを指定してください。"),
        ["no-plan"] = new(
            "there is no plan yet: the site needs at least one file plans/{slug}.yml. Create one with `dotnet run --project src/DxCompare -- new plan --code 131032 --name 港区 --slug minato`.",
            "計画がまだありません。plans/ にスラッグ名の .yml ファイルが少なくとも1つ必要です。`dotnet run --project src/DxCompare -- new plan --code 131032 --name 港区 --slug minato` で作れます。"),
        ["folder-is-a-file"] = new(
            "{folder} is a file, but it must be a folder of {pattern} files. Move the file away and create the folder {folder}/.",
            "{folder} がファイルになっています。{pattern} のファイルを入れるフォルダにしてください(ファイルを移動し、フォルダ {folder}/ を作ります)。"),
        ["too-many-files"] = new(
            "{folder}/ holds more than {max} {pattern} files; the site takes at most {max}. Remove files that are not content.",
            "{folder}/ に {pattern} のファイルが {max} 個より多くあります。コンテンツでないファイルを取り除いてください。"),
        ["file-is-a-folder"] = new(
            "{name} is a folder, but it must be a file. Move the folder away and restore {name} from the repository's content/ folder.",
            "{name} がフォルダになっています。フォルダを移動し、リポジトリの content/ から {name} を戻してください。"),
        ["missing-file"] = new(
            "{name} is missing. Every content folder needs {name}; copy it from the repository's content/ folder.",
            "{name} がありません。リポジトリの content/ からコピーしてください。"),
        ["broken-link"] = new(
            "'{path}' is a symbolic link that leads nowhere (or in a loop), so it was not read. Delete the link, or replace it with the file itself.",
            "「{path}」はリンク先のない(または循環する)シンボリックリンクなので読みませんでした。リンクを削除するか、ファイルそのものに置き換えてください。"),
        ["link-outside"] = new(
            "'{path}' is a symbolic link that leads outside the content folder, so it was not read. Content must live inside the content folder: copy the file in instead of linking it.",
            "「{path}」はコンテンツのフォルダの外を指すシンボリックリンクなので読みませんでした。リンクではなくファイルをコピーしてください。"),
        ["file-too-large"] = new(
            "the file is {size} bytes; a content file may have at most {max} bytes. Split it, or remove what does not belong to the plan.",
            "ファイルが {size} バイトあります。1つのファイルは {max} バイトまでです。分けるか、計画に関係のない部分を取り除いてください。"),
        ["not-utf8-bom"] = new(
            "the file is {encoding}, not UTF-8. Save it as UTF-8 in your editor, or convert it with `iconv -f {encoding} -t UTF-8`.",
            "ファイルの文字コードが {encoding} です。UTF-8 で保存し直してください(`iconv -f {encoding} -t UTF-8` でも変換できます)。"),
        ["not-utf8"] = new(
            "the file is not valid UTF-8 (it may be Shift_JIS or another legacy encoding). Save it as UTF-8, e.g. `iconv -f SHIFT_JIS -t UTF-8`, or re-save it as UTF-8 in your editor.",
            "ファイルが UTF-8 ではありません(Shift_JIS などの可能性があります)。エディタで UTF-8 として保存し直してください(`iconv -f SHIFT_JIS -t UTF-8` でも変換できます)。"),
        ["empty-file"] = new(
            "the file is empty. It must be a YAML mapping of fields (key: value).",
            "ファイルが空です。「項目: 値」の形で書いてください。"),
        ["yaml-syntax"] = new(
            "this is not valid YAML: {reason} Check indentation (spaces, not tabs), that every key ends with ': ', and quote text that starts with a special character (* & ! % @ ※).",
            "YAMLとして読めません。字下げ(タブではなく半角スペース)、項目名の後の「: 」、記号(* & ! % @ ※)で始まる文字を引用符で囲んでいるかを確かめてください。(詳細: {reason})"),
        ["unclosed-bracket"] = new(
            "this is not valid YAML after this point: the file ends inside an open list '[' or mapping '{'. Close it with ']' or '}', or quote text that starts with [ or {.",
            "ここから先がYAMLとして読めません。「[」や「{」が閉じられないままファイルが終わっています。「]」「}」で閉じるか、[ や { で始まる文字を引用符で囲んでください。"),
        ["key-missing"] = new(
            "this is not valid YAML here: a ':' stands without a key in front of it. Write 'key: value', delete the stray ':', or quote text that contains ': '.",
            "ここがYAMLとして読めません。項目名のない「:」があります。「項目名: 値」の形にするか、余分な「:」を消すか、「: 」を含む文字を引用符で囲んでください。"),
        ["second-document"] = new(
            "a second YAML document starts here ('---'). A content file holds one document: remove this '---' and merge what follows into the fields above, or move it to a file of its own.",
            "ここで2つ目のYAML文書(「---」)が始まっています。1つのファイルには1つの文書だけを書きます。この「---」を消して上の項目にまとめるか、別のファイルに移してください。"),
        ["too-deep"] = new(
            "the content is nested more than {max} levels deep here. A plan needs about 8 levels: check the indentation, or close the brackets [ ] { } that were opened.",
            "ここで入れ子が {max} 段を超えています(計画に必要なのは8段ほどです)。字下げを確かめるか、開いた括弧 [ ] { } を閉じてください。"),
        ["alias-expansion"] = new(
            "the file expands to more than {max} values: each alias (*name) repeats everything its anchor (&name) holds, and aliases of aliases multiply. Write the values out instead of repeating them through aliases.",
            "エイリアス(*名前)を展開すると値が {max} 個を超えます。エイリアスを使わずに値をそのまま書いてください。"),
        ["too-many-values"] = new(
            "the file holds more than {max} values. Split it: one plan per file.",
            "ファイルの値が {max} 個を超えています。1つのファイルには1つの計画を書いてください。"),
        ["no-front-matter"] = new(
            "a page must start with front matter: a line '---', then 'title: …' and 'description: …', then '---'.",
            "ページは「---」の行、「title: …」と「description: …」、「---」の行で始めてください。"),
        ["front-matter-not-closed"] = new(
            "the front matter is not closed. Add a line '---' after the 'title:' and 'description:' lines.",
            "先頭の「---」が閉じられていません。「title:」「description:」の行の後に「---」の行を追加してください。"),
        ["unprintable"] = new(
            "{what} contains the invisible {kind} U+{code}{where}. Delete it (it often comes from copying out of a PDF); retype the text around it if unsure.",
            "{whatJa}の{whereJa}見えない{kindJa} U+{code} が入っています。削除してください(PDFからのコピーでよく入ります)。分からなければ、その前後を打ち直してください。"),

        // Fields.
        ["not-a-mapping"] = new(
            "{what} must be a mapping of fields (key: value), found {found}. Expected fields such as: {expected}.",
            "{whatJa}は「項目: 値」の形で書きます({foundJa}が書かれています)。{expected} などの項目を書いてください。"),
        ["unknown-field"] = new(
            "unknown field '{key}'.{suggestion} Allowed here: {allowed}.",
            "項目「{key}」はここでは使えません。使える項目: {allowed}"),
        ["required-empty"] = new(
            "'{field}' ({label}) is required but empty. {howTo}",
            "「{label}」({field})は必須ですが空です。入力してください。"),
        ["missing-field"] = new(
            "missing required field '{field}' ({label}) in {what}. {howTo}",
            "{whatJa}に必須の項目「{label}」({field})がありません。追加してください。"),
        ["not-a-list"] = new(
            "'{field}' ({label}) must be a list (items starting with '- '), found {found}.",
            "「{label}」({field})はリスト(「- 」で始まる行)で書きます({foundJa}が書かれています)。"),
        ["too-many-items"] = new(
            "'{field}' ({label}) has {count} items; a list may have at most {max}. Split the content, or check that the list was not repeated by mistake.",
            "「{label}」({field})の項目が {count} 個あります。リストは {max} 個までです。誤って繰り返していないか確かめてください。"),
        ["not-a-single-value"] = new(
            "'{field}' ({label}) must be a single value, found {found}.",
            "「{label}」({field})には値を1つ書きます({foundJa}が書かれています)。"),
        ["not-boolean"] = new(
            "'{field}' ({label}) must be true or false, found '{found}'.",
            "「{label}」({field})は true か false です(「{found}」が書かれています)。"),
        ["not-in-list"] = new(
            "'{field}' ({label}) must be one of {allowed}, found '{found}'.{suggestion}",
            "「{label}」({field})は {allowed} のどれかです(「{found}」が書かれています)。"),
        ["full-width"] = new(
            "'{field}' ({label}) must be written in half-width characters, found '{found}'. Write '{written}'.",
            "「{label}」({field})は半角で書きます。「{found}」を「{written}」にしてください。"),
        ["pattern"] = new(
            "'{field}' ({label}) must be {expected}, found '{found}'.",
            "「{label}」({field})の「{found}」は使えません。{expectedJa}。"),
        ["number-too-large"] = new(
            "'{field}' ({label}) is {text}, more than the largest number a plan may hold ({max}). Check the value; write large amounts in a larger unit (千円, 億円).",
            "「{label}」({field})の {text} は大きすぎます(上限 {max})。値を確かめ、大きな金額は大きな単位(千円、億円)で書いてください。"),
        ["too-many-decimals"] = new(
            "'{field}' ({label}) has {scale} digits after the decimal point, found {text}; at most {max} are kept. Round it as the plan publishes it.",
            "「{label}」({field})の {text} は小数点以下が {scale} 桁あります({max} 桁まで)。計画書の表記どおりに丸めてください。"),
        ["not-a-fiscal-year"] = new(
            "'{field}' ({label}) must be a Gregorian fiscal year such as 2026, found {found}.",
            "「{label}」({field})には西暦の年度(例: 2026)を書きます(「{shown}」が書かれています)。"),
        ["out-of-range"] = new(
            "'{field}' ({label}) must be between {min} and {max}, found {found}.",
            "「{label}」({field})は {min} から {max} までです({found} が書かれています)。"),
        ["full-width-digits"] = new(
            "'{field}' ({label}) must be written in half-width digits, found '{found}'. Write {written}.",
            "「{label}」({field})は半角数字で書きます。「{found}」を {written} にしてください。"),
        ["wareki-year"] = new(
            "'{field}' ({label}) must be a Gregorian fiscal year, found 和暦 '{found}'. Write {fy} ({found} → {fy}).",
            "「{label}」({field})は西暦で書きます。{found} → {fy} と書いてください。"),
        ["not-an-integer"] = new(
            "'{field}' ({label}) must be a whole number, found '{found}'.",
            "「{label}」({field})には整数を書きます(「{found}」が書かれています)。"),
        ["number-with-unit"] = new(
            "'{field}' ({label}) must be a plain number, found '{found}'. Write {written} and put the unit '{unit}' in 'unit'.",
            "「{label}」({field})には数値だけを書きます。「{found}」は {written} とし、単位「{unit}」は単位の欄に書いてください。"),
        ["plain-number"] = new(
            "'{field}' ({label}) must be a plain number, found '{found}'. Write {written}.",
            "「{label}」({field})には数値だけを書きます。「{found}」は {written} と書いてください。"),
        ["status-word-as-number"] = new(
            "'{field}' ({label}) must be a number, found the status word '{found}'. Write it as 'status: {word}' instead.",
            "「{label}」({field})には数値を書きます。「{found}」は状態の語なので、status: {word} と書いてください。"),
        ["not-a-number"] = new(
            "'{field}' ({label}) must be a number, found '{found}'.",
            "「{label}」({field})には数値を書きます(「{found}」が書かれています)。"),

        // Across files.
        ["metric-unknown-topic"] = new(
            "unknown topic id '{topic}' on metric '{metric}'.{suggestion} Use an id from content/topics.yml.",
            "比較指標「{metric}」のトピック「{topic}」は content/topics.yml にありません。一覧のIDを使ってください。"),
        ["duplicate-entry"] = new(
            "duplicate {what} '{key}' (already used at {file}:{line}). Each {what} must be unique.",
            "「{key}」({what})が重複しています({file} の {line} 行目ですでに使われています)。重複しないようにしてください。"),
        ["reserved-slug"] = new(
            "'slug' '{slug}' is taken by the site's own /{slug}/ ({what}). Choose another slug, e.g. '{slug}-city', and rename the file to match.",
            "スラッグ「{slug}」はサイトの /{slug}/ ({what}) に使われています。別のスラッグ(例: {slug}-city)にして、ファイル名も合わせてください。"),
        ["page-name-not-a-url"] = new(
            "the page file name '{name}.md' cannot become a URL. Name page files with lowercase ASCII letters, digits and single hyphens, e.g. pages/about.md.",
            "ページのファイル名「{name}.md」はURLにできません。英小文字・数字・ハイフンで名前を付けてください(例: pages/about.md)。"),
        ["reserved-page-name"] = new(
            "the page name '{name}' is taken by the site's own /{name}/ ({what}). Rename the file, e.g. pages/{name}-info.md.",
            "ページ名「{name}」はサイトの /{name}/ ({what}) に使われています。ファイル名を変えてください(例: pages/{name}-info.md)。"),
        ["page-name-taken"] = new(
            "the page name '{name}' is also the slug of {owner}: both would be /{name}/. Rename the page file.",
            "ページ名「{name}」は{ownerJa}のスラッグと同じです(どちらも /{name}/ になります)。ページのファイル名を変えてください。"),
    };

    /// <summary>A rule of either catalog.</summary>
    public static Template Of(string rule) => Templates.TryGetValue(rule, out var template) ? template : Reading[rule];

    /// <summary>The template filled with named arguments; unknown names stay as written.</summary>
    public static string Format(string template, IReadOnlyDictionary<string, object?> args) =>
        Placeholder().Replace(template, m => args.TryGetValue(m.Groups[1].Value, out var value)
            ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""
            : m.Value);

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
