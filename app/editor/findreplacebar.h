#pragma once

#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace inkwell::app {

class MarkdownEditor;

/// @brief The find and replace bar under the editor (a bar, not a dialog).
///
/// Finds as you type; Enter / F3 finds the next match, Shift+Enter / Shift+F3 the previous one (F3 works in the
/// editor too); match case, whole words and regular expressions; "n of m"; every match is highlighted. Replace
/// replaces the current match, Replace All every match as one undo step. Esc closes the bar and gives the
/// editor the focus back. An invalid regular expression is reported in words, with where it goes wrong.
class FindReplaceBar : public QWidget {
    Q_OBJECT
public:
    explicit FindReplaceBar(MarkdownEditor *editor, QWidget *parent = nullptr);

    /// @brief Shows the bar for finding (replace row hidden), the editor's selection as the search text.
    void openFind();
    /// @brief Shows the bar with the replace row.
    void openReplace();
    /// @brief Hides the bar, clears the highlights, focuses the editor.
    void close();

    bool findNext();
    bool findPrevious();
    /// @brief Replaces the current match (if the selection is one) and moves to the next.
    bool replaceCurrent();
    /// @brief Replaces every match in one undo step; returns how many.
    int replaceAll();

    void setFindText(const QString &text);
    void setMatchCase(bool on);
    void setWholeWords(bool on);
    void setRegularExpression(bool on);
    void setReplaceText(const QString &text);

    int matchCount() const { return int(m_matches.size()); }
    /// @brief 1-based index of the selected match, 0 if the selection is not a match.
    int currentMatch() const;
    /// @brief What the status label says ("3 of 12", "No matches", the regular expression's error).
    QString statusText() const;

Q_SIGNALS:
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Match {
        int start;
        int length;
    };
    void search();
    void scheduleSearch();
    bool selectMatch(int index);
    QRegularExpression expression(QString *error) const;
    QString replacementFor(const Match &match) const;
    void updateStatus();
    void updateHighlights();

    QPointer<MarkdownEditor> m_editor;
    QLineEdit *m_find = nullptr;
    QLineEdit *m_replace = nullptr;
    QCheckBox *m_matchCase = nullptr;
    QCheckBox *m_wholeWords = nullptr;
    QCheckBox *m_regex = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_replaceRow = nullptr;
    QList<Match> m_matches;
    QString m_error;
    bool m_truncated = false;
    int m_anchor = 0; // where find-as-you-type searches from
    QTimer m_researchTimer;
};

} // namespace inkwell::app
