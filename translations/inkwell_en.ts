<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DiffDocument</name>
    <message numerus="yes">
        <location filename="../app/compare/diffdocument.cpp" line="72"/>
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n unchanged line</numerusform>
            <numerusform>⋯ %n unchanged lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::api::ApiError</name>
    <message numerus="yes">
        <location filename="../core/api/apierror.cpp" line="51"/>
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform>
            <numerusform>Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::AdminStatsPage</name>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="220"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="221"/>
        <source>Last %n days</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="222"/>
        <source>Show the last %n days</source>
        <translation>
            <numerusform>Show the last %n day</numerusform>
            <numerusform>Show the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="397"/>
        <source>+%1 new in %n days</source>
        <translation>
            <numerusform>+%1 new in %n day</numerusform>
            <numerusform>+%1 new in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="400"/>
        <source>in %n days · %1 in all</source>
        <translation>
            <numerusform>in %n day · %1 in all</numerusform>
            <numerusform>in %n days · %1 in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="404"/>
        <source>%Ln AI token(s)</source>
        <translation>
            <numerusform>%Ln AI token</numerusform>
            <numerusform>%Ln AI tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="407"/>
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::AppController</name>
    <message numerus="yes">
        <location filename="../app/appcontroller.cpp" line="203"/>
        <source>%n article(s) on this computer have changes the server does not have yet. They stay here and are sent when you sign in again with this account. Sign out anyway?</source>
        <translation>
            <numerusform>%n article on this computer has changes the server does not have yet. It stays here and is sent when you sign in again with this account. Sign out anyway?</numerusform>
            <numerusform>%n articles on this computer have changes the server does not have yet. They stay here and are sent when you sign in again with this account. Sign out anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::ChatPanel</name>
    <message numerus="yes">
        <location filename="../app/chat/chatpanel.cpp" line="584"/>
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::ConflictView</name>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="453"/>
        <source>The title is longer than %n characters.</source>
        <translation>
            <numerusform>The title is longer than %n character.</numerusform>
            <numerusform>The title is longer than %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="456"/>
        <source>The excerpt is longer than %n characters.</source>
        <translation>
            <numerusform>The excerpt is longer than %n character.</numerusform>
            <numerusform>The excerpt is longer than %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="502"/>
        <source>%n conflict(s) left</source>
        <translation>
            <numerusform>%n conflict left</numerusform>
            <numerusform>%n conflicts left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::ConversationDelegate</name>
    <message numerus="yes">
        <location filename="../app/chat/conversationdelegate.cpp" line="35"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/conversationdelegate.cpp" line="109"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/conversationdelegate.cpp" line="111"/>
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::EditorStatus</name>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="95"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="95"/>
        <source>%n min read</source>
        <translation>
            <numerusform>%n min read</numerusform>
            <numerusform>%n min read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="97"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::FindReplaceBar</name>
    <message numerus="yes">
        <location filename="../app/editor/findreplacebar.cpp" line="439"/>
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>Replaced %n occurrence</numerusform>
            <numerusform>Replaced %n occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/findreplacebar.cpp" line="470"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::LibraryDelegate</name>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="35"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::LibraryPanel</name>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="325"/>
        <source>%n result(s) from the server and this computer</source>
        <translation>
            <numerusform>%n result from the server and this computer</numerusform>
            <numerusform>%n results from the server and this computer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="326"/>
        <source>%n result(s) on this computer (offline)</source>
        <translation>
            <numerusform>%n result on this computer (offline)</numerusform>
            <numerusform>%n results on this computer (offline)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="139"/>
        <source>%n article(s) changed on the server in the same place as here. Open them to compare.</source>
        <translation>
            <numerusform>%n article changed on the server in the same place as here. Open it to compare.</numerusform>
            <numerusform>%n articles changed on the server in the same place as here. Open them to compare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="552"/>
        <source>The server no longer has %1 of the %n article(s) on this computer. This happens when the server was reset or replaced. Remove them here too?

Your own unsynced edits are kept either way.</source>
        <translation>
            <numerusform>The server no longer has %1 of the %n article on this computer. This happens when the server was reset or replaced. Remove it here too?

Your own unsynced edits are kept either way.</numerusform>
            <numerusform>The server no longer has %1 of the %n articles on this computer. This happens when the server was reset or replaced. Remove them here too?

Your own unsynced edits are kept either way.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::MessageWidget</name>
    <message numerus="yes">
        <location filename="../app/chat/messagewidget.cpp" line="281"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationBell</name>
    <message numerus="yes">
        <location filename="../app/notifications/notificationbell.cpp" line="110"/>
        <source>Notifications (%n unread)</source>
        <translation>
            <numerusform>Notifications (%n unread)</numerusform>
            <numerusform>Notifications (%n unread)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationDelegate</name>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="36"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="38"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="43"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationList</name>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="271"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::RevisionHistoryView</name>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="599"/>
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n line added</numerusform>
            <numerusform>%n lines added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="600"/>
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n line removed</numerusform>
            <numerusform>%n lines removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="621"/>
        <source>Copied the differences as a unified diff (%n line(s)).</source>
        <translation>
            <numerusform>Copied the differences as a unified diff (%n line).</numerusform>
            <numerusform>Copied the differences as a unified diff (%n lines).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::SignInDialog</name>
    <message numerus="yes">
        <location filename="../app/account/formparts.cpp" line="184"/>
        <source>Use at least 12 characters (this one has %n).</source>
        <translation>
            <numerusform>Use at least 12 characters (this one has %n).</numerusform>
            <numerusform>Use at least 12 characters (this one has %n).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::TrayNotifier</name>
    <message numerus="yes">
        <location filename="../app/notifications/traynotifier.cpp" line="63"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/traynotifier.cpp" line="65"/>
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n new notification</numerusform>
            <numerusform>%n new notifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AssistSession</name>
    <message numerus="yes">
        <location filename="../app/engine/assistsession.cpp" line="214"/>
        <source>%1 of %2 token(s) left today</source>
        <translation>
            <numerusform>%1 of %2 token left today</numerusform>
            <numerusform>%1 of %2 tokens left today</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::engine::PrivateServer</name>
    <message numerus="yes">
        <location filename="../app/engine/privateserver.cpp" line="443"/>
        <source>The server did not start within %n second(s).</source>
        <translation>
            <numerusform>The server did not start within %n second.</numerusform>
            <numerusform>The server did not start within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::engine::SyncEngine</name>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="447"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="451"/>
        <source>%n draft(s) the server refused; open them to see why</source>
        <translation>
            <numerusform>%n draft the server refused; open it to see why</numerusform>
            <numerusform>%n drafts the server refused; open them to see why</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="476"/>
        <source>Offline: retrying in %n s</source>
        <translation>
            <numerusform>Offline: retrying in %n s</numerusform>
            <numerusform>Offline: retrying in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="478"/>
        <source>Sync failed: %1 Retrying in %n s</source>
        <translation>
            <numerusform>Sync failed: %1 Retrying in %n s</numerusform>
            <numerusform>Sync failed: %1 Retrying in %n s</numerusform>
        </translation>
    </message>
</context>
</TS>
