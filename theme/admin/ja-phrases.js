// Japanese for the phrases of Decap CMS that its own ja locale leaves in English or words wrongly (statuses,
// the restore question of the local backup, list buttons, the notes pane). cms-plugin.js merges them into
// Decap's ja locale; tests/cms-js/ja-phrases.test.js checks that every English phrase of Decap has Japanese.
(function (root) {
  "use strict";
  var phrases = {
    auth: { loginWithForgejo: "Forgejo でログインする" },
    collection: {
      collectionTop: { viewAsList: "一覧で表示", viewAsGrid: "カードで表示" },
      entries: { unpublishedHeader: "未公開の変更" },
    },
    editor: {
      editor: {
        confirmLoadBackup: "保存していない入力が、このブラウザに残っています(ローカルのバックアップ)。復元しますか？\n「キャンセル」を押すとバックアップは破棄され、保存済みの内容が表示されます。",
        onUnpublishing: "このエントリの公開を取り消しますか？",
      },
      editorControl: { field: { widgetLabel: "入力欄" } },
      editorControlPane: {
        i18n: {
          copyFromLocale: "他の言語から入力する",
          copyFromLocaleConfirm: "%{locale} の内容で入力しますか？\n入力済みの内容はすべて上書きされます。",
        },
      },
      editorInterface: { toggleNotes: "メモの表示を切り替える" },
      editorNotesPane: {
        title: "メモ",
        emptyState: "メモはまだありません。下に入力して追加できます。",
        addNote: "メモを追加",
        addPlaceholder: "メモを入力…",
        editPlaceholder: "メモを編集…",
        save: "保存",
        cancel: "キャンセル",
        edit: "編集",
        delete: "削除",
        resolve: "解決済みにする",
        unresolve: "未解決に戻す",
        confirmDelete: "このメモを削除しますか？",
        shortcut: "Ctrl+Enter でメモを追加できます",
      },
      editorToolbar: {
        backCollection: "「%{collectionLabel}」を編集しています",
        changesSaved: "未変更",
        unsavedChanges: "未保存の変更あり",
        unpublish: "公開を取り消す",
        unpublishing: "公開を取り消しています…",
        published: "公開済み",
        status: "状態: %{status}",
      },
      editorWidgets: {
        list: { add: "%{item}を追加", addType: "%{item}を追加" },
        object: { expand: "開く", collapse: "閉じる" },
        markdown: { strikethrough: "取り消し線", toggleMode: { rich: "リッチテキストに切り替える", markdown: "マークダウンに切り替える" } },
        image: { chooseMultiple: "画像を選択", addMore: "画像を追加", removeAll: "画像をすべて削除" },
        file: { chooseMultiple: "ファイルを選択", addMore: "ファイルを追加", removeAll: "ファイルをすべて削除" },
        datetime: { setToNow: "%{fieldLabel}を現在の日時にする" },
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: "閉じる" } },
    ui: {
      settingsDropdown: { account: "アカウントのメニュー" },
      toast: {
        missingRequiredField: "入力に問題があります。赤字の欄と、問題を示している項目を確かめてください。",
        entryUnpublished: "公開を取り消しました。",
        onFailToUnpublishEntry: "公開の取り消しに失敗しました。%{details}",
        noteAdded: "メモを追加しました",
        onFailToAddNote: "メモを追加できませんでした: %{details}",
        noteUpdated: "メモを更新しました",
        onFailToUpdateNote: "メモを更新できませんでした: %{details}",
        noteDeleted: "メモを削除しました",
        onFailToDeleteNote: "メモを削除できませんでした: %{details}",
        noteResolved: "メモを解決済みにしました",
        noteReopened: "メモを未解決に戻しました",
        onFailToToggleNote: "メモの状態を変えられませんでした: %{details}",
      },
    },
  };
  if (typeof module === "object" && module.exports) module.exports = phrases;
  else root.DxJaPhrases = phrases;
})(this);
