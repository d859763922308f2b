#pragma once

#include "api/apiclient.h"
#include "model/conversation.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

namespace inkwell::engine {

/**
 * @brief The user's conversations with the AI, most recently updated first, with a title filter.
 *
 * Loads page by page (GET /conversations, keyset paging by `next_cursor`): reload() takes the first page and a view
 * asks for the next ones through canFetchMore()/fetchMore() as it scrolls. While a filter is set every remaining
 * page is fetched, so a search covers all conversations, not only those already seen.
 *
 * create(), rename() and remove() call the server; renaming shows the new title at once and puts the old one
 * back if the server refuses. upsert() takes a newer state of a conversation (an answer arrived, a title was
 * generated) and moves it to where its update time puts it.
 */
class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, ///< QUuid
        TitleRole,                 ///< QString: the title, or placeholderTitle() when it has none
        HasTitleRole,              ///< bool
        UpdatedAtRole,             ///< QDateTime (UTC)
        MessageCountRole,          ///< int
        TotalTokensRole,           ///< qint64
    };
    Q_ENUM(Roles)

    explicit ConversationListModel(api::ApiClient *api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// @brief Qt::EditRole (or TitleRole) renames; an empty title removes it.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// @brief "New conversation": what a conversation without a title is called.
    static QString placeholderTitle();

    /// @brief Loads the first page again (replies of an earlier reload are dropped).
    void reload();
    bool isLoading() const { return m_loading; }
    /// @brief Why the last load failed; empty when it did not.
    QString errorText() const { return m_errorText; }
    /// @brief Every conversation has been loaded (no next page).
    bool isComplete() const { return m_loaded && !m_nextCursor; }

    /// @brief Shows only conversations whose title contains @p text (case-insensitive; untitled ones match the
    /// placeholder). Empty shows all.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }

    /// @brief The conversation in @p row of the filtered list.
    const Conversation &conversation(int row) const { return m_rows.at(row); }
    /// @brief Its row in the filtered list, or -1.
    int rowOf(const QUuid &id) const;
    /// @brief A loaded conversation (shown or filtered out).
    std::optional<Conversation> find(const QUuid &id) const;

    /// @brief Creates a conversation (POST); created() follows, or errorOccurred().
    void create(const QString &title = {});
    /// @brief Renames (PATCH); an empty title removes it.
    void rename(const QUuid &id, const QString &title);
    /// @brief Deletes (DELETE) with its messages; removed() follows, or errorOccurred().
    void remove(const QUuid &id);
    /// @brief Takes a newer state of a conversation (or a new one); an older one than the list has is ignored.
    void upsert(const Conversation &conversation);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void created(const inkwell::Conversation &conversation);
    void removed(const QUuid &id);
    /// @brief A create, rename, delete or load failed; @p message says why.
    void errorOccurred(const QString &message);

private:
    void fetchPage(const QString &cursor);
    void setLoading(bool loading);
    bool matches(const Conversation &conversation) const;
    static bool before(const Conversation &a, const Conversation &b);
    void takePage(const api::Page<Conversation> &page);
    void place(const Conversation &conversation);
    void drop(const QUuid &id);

    api::ApiClient *m_api;
    QList<Conversation> m_all;  // every loaded conversation, sorted
    QList<Conversation> m_rows; // those that match the filter, sorted
    QString m_filter;
    std::optional<QString> m_nextCursor;
    bool m_loaded = false;
    bool m_loading = false;
    QString m_errorText;
    quint64 m_generation = 0;
};

} // namespace inkwell::engine
