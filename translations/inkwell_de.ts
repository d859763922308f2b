<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DiffDocument</name>
    <message numerus="yes">
        <location filename="../app/compare/diffdocument.cpp" line="72"/>
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n unveränderte Zeile</numerusform>
            <numerusform>⋯ %n unveränderte Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::api::ApiError</name>
    <message>
        <location filename="../core/api/apierror.cpp" line="30"/>
        <source>The server cannot be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="31"/>
        <source>The server cannot be reached (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="33"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="36"/>
        <source>The server&apos;s answer could not be read (%1).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="37"/>
        <source>The server&apos;s answer could not be read (%1: %2).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (%1: %2).</translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="42"/>
        <source>The server answered %1.</source>
        <translation>Der Server antwortete mit %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/api/apierror.cpp" line="51"/>
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::AdminPanel</name>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="31"/>
        <location filename="../app/admin/adminpanel.cpp" line="33"/>
        <location filename="../app/admin/adminpanel.cpp" line="35"/>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="50"/>
        <source>Administration sections</source>
        <translation>Verwaltungsbereiche</translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="52"/>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="53"/>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistik</translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="54"/>
        <source>&amp;Audit log</source>
        <translation>&amp;Audit-Protokoll</translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="151"/>
        <source>Users, usage and security events of %1 · signed in as %2 (%3)</source>
        <translation>Benutzer, Nutzung und Sicherheitsereignisse von %1 · angemeldet als %2 (%3)</translation>
    </message>
</context>
<context>
    <name>inkwell::app::AdminStatsPage</name>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="181"/>
        <location filename="../app/admin/adminstatspage.cpp" line="185"/>
        <location filename="../app/admin/adminstatspage.cpp" line="190"/>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="197"/>
        <location filename="../app/admin/adminstatspage.cpp" line="199"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="206"/>
        <source>When the statistics were loaded</source>
        <translation>Wann die Statistik geladen wurde</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="220"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="221"/>
        <source>Last %n days</source>
        <translation>
            <numerusform>Letzter %n Tag</numerusform>
            <numerusform>Letzte %n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="222"/>
        <source>Show the last %n days</source>
        <translation>
            <numerusform>Den letzten %n Tag anzeigen</numerusform>
            <numerusform>Die letzten %n Tage anzeigen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="233"/>
        <location filename="../app/admin/adminstatspage.cpp" line="284"/>
        <source>Reload the statistics</source>
        <translation>Statistik neu laden</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="234"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="235"/>
        <source>Reload (F5)</source>
        <translation>Neu laden (F5)</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="245"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="246"/>
        <location filename="../app/admin/adminstatspage.cpp" line="430"/>
        <location filename="../app/admin/adminstatspage.cpp" line="433"/>
        <location filename="../app/admin/adminstatspage.cpp" line="469"/>
        <source>Articles published</source>
        <translation>Veröffentlichte Artikel</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="247"/>
        <location filename="../app/admin/adminstatspage.cpp" line="555"/>
        <location filename="../app/admin/adminstatspage.cpp" line="596"/>
        <source>Chat messages</source>
        <translation>Chat-Nachrichten</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="248"/>
        <source>AI requests</source>
        <translation>KI-Anfragen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="249"/>
        <source>AI failures</source>
        <translation>KI-Fehler</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="250"/>
        <source>AI latency (p95)</source>
        <translation>KI-Latenz (p95)</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="262"/>
        <source>Publishing</source>
        <translation>Veröffentlichungen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="262"/>
        <source>Articles published and new users per day</source>
        <translation>Veröffentlichte Artikel und neue Benutzer pro Tag</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="264"/>
        <location filename="../app/admin/adminstatspage.cpp" line="482"/>
        <source>Users by role</source>
        <translation>Benutzer nach Rolle</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="264"/>
        <source>Everyone who has an account</source>
        <translation>Alle, die ein Konto haben</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="267"/>
        <source>Chat and AI usage</source>
        <translation>Chat- und KI-Nutzung</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="267"/>
        <source>Chat messages and AI tokens per day</source>
        <translation>Chat-Nachrichten und KI-Tokens pro Tag</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="270"/>
        <source>Articles by status</source>
        <translation>Artikel nach Status</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="270"/>
        <source>All articles, not deleted</source>
        <translation>Alle nicht gelöschten Artikel</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="299"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="301"/>
        <source>Updated %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="306"/>
        <source>The statistics could not be loaded: %1</source>
        <translation>Die Statistik konnte nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="397"/>
        <source>+%1 new in %n days</source>
        <translation>
            <numerusform>+%1 neu in %n Tag</numerusform>
            <numerusform>+%1 neu in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="400"/>
        <source>in %n days · %1 in all</source>
        <translation>
            <numerusform>in %n Tag · %1 insgesamt</numerusform>
            <numerusform>in %n Tagen · %1 insgesamt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="404"/>
        <source>%Ln AI token(s)</source>
        <translation>
            <numerusform>%Ln KI-Token</numerusform>
            <numerusform>%Ln KI-Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="407"/>
        <source>in %n days</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="408"/>
        <source>No AI requests in this period</source>
        <translation>Keine KI-Anfragen in diesem Zeitraum</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="413"/>
        <source>%1 % of requests</source>
        <translation>%1 % der Anfragen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="413"/>
        <source>Nothing failed</source>
        <translation>Keine Fehler</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="418"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="419"/>
        <source>95 % of AI answers were faster</source>
        <translation>95 % der KI-Antworten waren schneller</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="443"/>
        <location filename="../app/admin/adminstatspage.cpp" line="470"/>
        <source>New users</source>
        <translation>Neue Benutzer</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="507"/>
        <source>%1: %2 (%3 %)</source>
        <translation>%1: %2 (%3 %)</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="530"/>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="558"/>
        <location filename="../app/admin/adminstatspage.cpp" line="597"/>
        <source>AI tokens</source>
        <translation>KI-Tokens</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="566"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="568"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="609"/>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="609"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="609"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="610"/>
        <location filename="../app/admin/adminstatspage.cpp" line="621"/>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>inkwell::app::AdminUsersPage</name>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="39"/>
        <location filename="../app/admin/adminuserspage.cpp" line="79"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="45"/>
        <location filename="../app/admin/adminuserspage.cpp" line="156"/>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="46"/>
        <source>Search by name or email  (Ctrl+F)</source>
        <translation>Nach Name oder E-Mail suchen  (Strg+F)</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="52"/>
        <source>Show users of role</source>
        <translation>Benutzer mit Rolle anzeigen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="53"/>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="54"/>
        <source>Viewers</source>
        <translation>Leser</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="55"/>
        <source>Creators</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="56"/>
        <source>Administrators</source>
        <translation>Administratoren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="60"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="61"/>
        <source>Change &amp;role</source>
        <translation>&amp;Rolle ändern</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="63"/>
        <source>Change the selected user&apos;s role</source>
        <translation>Rolle des ausgewählten Benutzers ändern</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="66"/>
        <location filename="../app/admin/adminuserspage.cpp" line="248"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="68"/>
        <source>Deactivate or activate the selected user</source>
        <translation>Ausgewählten Benutzer deaktivieren oder aktivieren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="72"/>
        <location filename="../app/admin/adminuserspage.cpp" line="165"/>
        <source>Reload users</source>
        <translation>Benutzer neu laden</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="73"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="74"/>
        <source>Reload (F5)</source>
        <translation>Neu laden (F5)</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="122"/>
        <source>How many users are shown</source>
        <translation>Wie viele Benutzer angezeigt werden</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="124"/>
        <source>Load &amp;more</source>
        <translation>&amp;Mehr laden</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="126"/>
        <source>Load more users</source>
        <translation>Weitere Benutzer laden</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="206"/>
        <source>The users could not be loaded: %1</source>
        <translation>Die Benutzer konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="214"/>
        <location filename="../app/admin/adminuserspage.cpp" line="338"/>
        <source>%1 is now: %2.</source>
        <translation>%1 ist jetzt: %2.</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="215"/>
        <source>%1 is deactivated and signed out everywhere.</source>
        <translation>%1 ist deaktiviert und überall abgemeldet.</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="224"/>
        <source>%1 was not changed. %2</source>
        <translation>%1 wurde nicht geändert. %2</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="248"/>
        <source>A&amp;ctivate</source>
        <translation>A&amp;ktivieren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="249"/>
        <source>Deactivate the selected user</source>
        <translation>Ausgewählten Benutzer deaktivieren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="249"/>
        <source>Activate the selected user</source>
        <translation>Ausgewählten Benutzer aktivieren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="255"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="255"/>
        <source>Users shown: %1</source>
        <translation>Angezeigte Benutzer: %1</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="257"/>
        <source> · more available</source>
        <translation> · weitere verfügbar</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="273"/>
        <location filename="../app/admin/adminuserspage.cpp" line="345"/>
        <source>Make %1</source>
        <translation>Zum %1 machen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="294"/>
        <source>User actions</source>
        <translation>Benutzeraktionen</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="299"/>
        <source>Deactivate…</source>
        <translation>Deaktivieren…</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="299"/>
        <source>Activate…</source>
        <translation>Aktivieren…</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="340"/>
        <source>This is you: you will no longer be able to use administration.</source>
        <translation>Das sind Sie: Sie können die Verwaltung danach nicht mehr nutzen.</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="342"/>
        <source>Administrators can manage every user and article.</source>
        <translation>Administratoren können alle Benutzer und Artikel verwalten.</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="343"/>
        <source>The change reaches the user&apos;s app at its next sign-in refresh (within minutes).</source>
        <translation>Die Änderung erreicht die App des Benutzers, wenn sie das nächste Mal die Anmeldung auffrischt (innerhalb weniger Minuten).</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="344"/>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="344"/>
        <source>Make %1 %2?</source>
        <translation>%1 zum %2 machen?</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="357"/>
        <source>Activate account</source>
        <translation>Konto aktivieren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="357"/>
        <source>Activate %1?</source>
        <translation>%1 aktivieren?</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="358"/>
        <source>They can sign in again with their password.</source>
        <translation>Die Anmeldung mit dem bisherigen Passwort ist dann wieder möglich.</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="358"/>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="363"/>
        <source>%1 is signed out everywhere at once and cannot sign in until an administrator activates the account again. Their articles stay.</source>
        <translation>%1 wird sofort überall abgemeldet und kann sich erst wieder anmelden, wenn ein Administrator das Konto wieder aktiviert. Die Artikel bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="367"/>
        <source>This is you: you will be signed out.</source>
        <translation>Das sind Sie: Sie werden abgemeldet.</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="368"/>
        <source>Deactivate account</source>
        <translation>Konto deaktivieren</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="368"/>
        <source>Deactivate %1?</source>
        <translation>%1 deaktivieren?</translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="368"/>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
</context>
<context>
    <name>inkwell::app::AppController</name>
    <message>
        <location filename="../app/appcontroller.cpp" line="135"/>
        <source>Inkwell</source>
        <translation>Inkwell</translation>
    </message>
    <message>
        <location filename="../app/appcontroller.cpp" line="136"/>
        <source>Your library on this computer cannot be opened: %1</source>
        <translation>Ihre Bibliothek auf diesem Computer kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/appcontroller.cpp" line="202"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/appcontroller.cpp" line="203"/>
        <source>%n article(s) on this computer have changes the server does not have yet. They stay here and are sent when you sign in again with this account. Sign out anyway?</source>
        <translation>
            <numerusform>%n Artikel auf diesem Computer hat Änderungen, die der Server noch nicht hat. Er bleibt hier und wird gesendet, wenn Sie sich wieder mit diesem Konto anmelden. Trotzdem abmelden?</numerusform>
            <numerusform>%n Artikel auf diesem Computer haben Änderungen, die der Server noch nicht hat. Sie bleiben hier und werden gesendet, wenn Sie sich wieder mit diesem Konto anmelden. Trotzdem abmelden?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/appcontroller.cpp" line="208"/>
        <source>Sign Out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../app/appcontroller.cpp" line="230"/>
        <source>Resolve the conflict — %1</source>
        <translation>Konflikt lösen – %1</translation>
    </message>
</context>
<context>
    <name>inkwell::app::ArticlePane</name>
    <message>
        <location filename="../app/window/articlepane.cpp" line="68"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="70"/>
        <source>Pick an article in the library, or press Ctrl+N to start a new one.</source>
        <translation>Wählen Sie einen Artikel in der Bibliothek oder beginnen Sie mit Strg+N einen neuen.</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="72"/>
        <source>No article open</source>
        <translation>Kein Artikel geöffnet</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="79"/>
        <source>Article notice</source>
        <translation>Hinweis zum Artikel</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="83"/>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="86"/>
        <source>Resolve…</source>
        <translation>Lösen…</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="88"/>
        <source>Resolve the conflict</source>
        <translation>Konflikt lösen</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="99"/>
        <location filename="../app/window/articlepane.cpp" line="100"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="110"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="111"/>
        <source>Tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="123"/>
        <source>Excerpt</source>
        <translation>Auszug</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="128"/>
        <source>Spelling language</source>
        <translation>Sprache der Rechtschreibprüfung</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="129"/>
        <source>The language this article is checked in</source>
        <translation>Die Sprache, in der dieser Artikel geprüft wird</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="130"/>
        <source>No spell checking</source>
        <translation>Keine Rechtschreibprüfung</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="141"/>
        <source>Article status</source>
        <translation>Artikelstatus</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="145"/>
        <source>Article text</source>
        <translation>Artikeltext</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="269"/>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="279"/>
        <source>This article was changed on the server in the same place as here. Nothing was overwritten: compare both versions and choose what to keep.</source>
        <translation>Dieser Artikel wurde auf dem Server an derselben Stelle geändert wie hier. Nichts wurde überschrieben: Vergleichen Sie beide Versionen und wählen Sie, was Sie behalten möchten.</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="282"/>
        <source>The server refused this version: %1 Your text is safe here; change it and it is sent again.</source>
        <translation>Der Server hat diese Version abgelehnt: %1 Ihr Text ist hier sicher; sobald Sie ihn ändern, wird er erneut gesendet.</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="335"/>
        <source>Excerpt (made from the text when left empty)</source>
        <translation>Auszug (wird aus dem Text erzeugt, wenn leer)</translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="336"/>
        <source>Excerpt — automatic: %1</source>
        <translation>Auszug – automatisch: %1</translation>
    </message>
</context>
<context>
    <name>inkwell::app::AssistActions</name>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="14"/>
        <source>&amp;Generate Draft…</source>
        <translation>&amp;Entwurf erzeugen…</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="15"/>
        <source>Write a new draft from a prompt</source>
        <translation>Einen neuen Entwurf aus einem Prompt schreiben</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="16"/>
        <source>&amp;Summarize</source>
        <translation>&amp;Zusammenfassen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="17"/>
        <source>Summarize the selection, or the whole article when nothing is selected</source>
        <translation>Die Auswahl zusammenfassen oder den ganzen Artikel, wenn nichts ausgewählt ist</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="18"/>
        <source>Suggest &amp;Title, Excerpt and Tags</source>
        <translation>&amp;Titel, Auszug und Schlagwörter vorschlagen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="19"/>
        <source>Suggest titles, an excerpt and tags for this article</source>
        <translation>Titel, einen Auszug und Schlagwörter für diesen Artikel vorschlagen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="20"/>
        <source>S&amp;top Generating</source>
        <translation>Erzeugen &amp;stoppen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="21"/>
        <source>Stop the draft being written; the text so far is kept</source>
        <translation>Das Schreiben des Entwurfs stoppen; der bisherige Text bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="22"/>
        <source>&amp;Undo Suggestion</source>
        <translation>Vorschlag &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="23"/>
        <source>Put back what a field held before the last accepted suggestion</source>
        <translation>Den Inhalt eines Feldes vor dem zuletzt übernommenen Vorschlag wiederherstellen</translation>
    </message>
</context>
<context>
    <name>inkwell::app::AssistPanel</name>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="102"/>
        <location filename="../app/assist/assistpanel.cpp" line="157"/>
        <location filename="../app/assist/assistpanel.cpp" line="165"/>
        <location filename="../app/assist/assistpanel.cpp" line="171"/>
        <source>AI assists</source>
        <translation>KI-Assistenz</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="118"/>
        <source>The draft was closed, so the generation stopped.</source>
        <translation>Der Entwurf wurde geschlossen, daher wurde das Erzeugen gestoppt.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="128"/>
        <source>Draft ready: “%1”.</source>
        <translation>Entwurf fertig: „%1“.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="173"/>
        <source>AI provider</source>
        <translation>KI-Anbieter</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="180"/>
        <source>AI quota</source>
        <translation>KI-Kontingent</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="185"/>
        <source>AI tokens left today</source>
        <translation>Heute verbleibende KI-Tokens</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="190"/>
        <source>AI status</source>
        <translation>KI-Status</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="205"/>
        <location filename="../app/assist/assistpanel.cpp" line="208"/>
        <source>Draft from a prompt</source>
        <translation>Entwurf aus einem Prompt</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="212"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="213"/>
        <source>What the new article should be about; Ctrl+Enter generates it.</source>
        <translation>Worum es im neuen Artikel gehen soll; Strg+Eingabetaste erzeugt ihn.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="214"/>
        <source>What should the article be about?</source>
        <translation>Worum soll es im Artikel gehen?</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="225"/>
        <location filename="../app/assist/assistpanel.cpp" line="231"/>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>friendly</source>
        <translation>freundlich</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>formal</source>
        <translation>förmlich</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>technical</source>
        <translation>technisch</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>persuasive</source>
        <translation>überzeugend</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>concise</source>
        <translation>knapp</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="229"/>
        <source>Style (optional)</source>
        <translation>Stil (optional)</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="235"/>
        <source>Generate draft</source>
        <translation>Entwurf erzeugen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="239"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="239"/>
        <source>Stop generating</source>
        <translation>Erzeugen stoppen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="245"/>
        <source>Writing the draft</source>
        <translation>Entwurf wird geschrieben</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="247"/>
        <source>Draft generation status</source>
        <translation>Status der Entwurfserzeugung</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="255"/>
        <location filename="../app/assist/assistpanel.cpp" line="258"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="260"/>
        <location filename="../app/assist/assistpanel.cpp" line="523"/>
        <source>Summarize article</source>
        <translation>Artikel zusammenfassen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="260"/>
        <source>Summarize</source>
        <translation>Zusammenfassen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="263"/>
        <source>Summarizing</source>
        <translation>Wird zusammengefasst</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="265"/>
        <source>Summary status</source>
        <translation>Status der Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="271"/>
        <source>Summary and key points</source>
        <translation>Zusammenfassung und Kernpunkte</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="286"/>
        <source>Summary actions</source>
        <translation>Aktionen für die Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="290"/>
        <source>Insert below</source>
        <translation>Darunter einfügen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="290"/>
        <source>Insert the summary below</source>
        <translation>Zusammenfassung darunter einfügen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="292"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="292"/>
        <source>Copy the summary</source>
        <translation>Zusammenfassung kopieren</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="304"/>
        <location filename="../app/assist/assistpanel.cpp" line="307"/>
        <source>Title, excerpt and tags</source>
        <translation>Titel, Auszug und Schlagwörter</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="309"/>
        <location filename="../app/assist/assistpanel.cpp" line="310"/>
        <source>Suggest title, excerpt and tags</source>
        <translation>Titel, Auszug und Schlagwörter vorschlagen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="313"/>
        <source>Suggesting</source>
        <translation>Vorschläge werden erstellt</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="315"/>
        <source>Suggestion status</source>
        <translation>Status der Vorschläge</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="321"/>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="325"/>
        <source>Titles</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="332"/>
        <source>Excerpt</source>
        <translation>Auszug</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="335"/>
        <source>Suggested excerpt</source>
        <translation>Vorgeschlagener Auszug</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="335"/>
        <source>Use this excerpt</source>
        <translation>Diesen Auszug verwenden</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="339"/>
        <source>Excerpt set.</source>
        <translation>Auszug übernommen.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="342"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="345"/>
        <source>Suggested tags</source>
        <translation>Vorgeschlagene Schlagwörter</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="345"/>
        <source>Add these tags</source>
        <translation>Diese Schlagwörter hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="346"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="351"/>
        <source>Tags added.</source>
        <translation>Schlagwörter hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="370"/>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="372"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="372"/>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="374"/>
        <source>Put back what the field held before (Ctrl+Alt+Z)</source>
        <translation>Vorherigen Inhalt des Feldes wiederherstellen (Strg+Alt+Z)</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="487"/>
        <source>Write a new draft from the prompt (Ctrl+Enter)</source>
        <translation>Einen neuen Entwurf aus dem Prompt schreiben (Strg+Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="488"/>
        <source>Summarize the selection, or the whole article when nothing is selected</source>
        <translation>Die Auswahl zusammenfassen oder den ganzen Artikel, wenn nichts ausgewählt ist</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="490"/>
        <source>Suggest titles, an excerpt and tags for this article</source>
        <translation>Titel, einen Auszug und Schlagwörter für diesen Artikel vorschlagen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="499"/>
        <source>AI quota: %1</source>
        <translation>KI-Kontingent: %1</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="523"/>
        <source>Summarize selection</source>
        <translation>Auswahl zusammenfassen</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="595"/>
        <source>Write what the article should be about first.</source>
        <translation>Schreiben Sie zuerst, worum es im Artikel gehen soll.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="601"/>
        <source>A new draft could not be created.</source>
        <translation>Ein neuer Entwurf konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="605"/>
        <source>Writing a new draft…</source>
        <translation>Ein neuer Entwurf wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="619"/>
        <source>Stopped; the text written so far is kept.</source>
        <translation>Gestoppt; der bisher geschriebene Text bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="632"/>
        <source>Open an article to summarize it.</source>
        <translation>Öffnen Sie einen Artikel, um ihn zusammenzufassen.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="639"/>
        <source>There is nothing to summarize yet.</source>
        <translation>Es gibt noch nichts zusammenzufassen.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="653"/>
        <source>Summarizing the selection…</source>
        <translation>Die Auswahl wird zusammengefasst…</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="653"/>
        <source>Summarizing the article…</source>
        <translation>Der Artikel wird zusammengefasst…</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="729"/>
        <source>Summary inserted; Ctrl+Z in the editor takes it back.</source>
        <translation>Zusammenfassung eingefügt; Strg+Z im Editor nimmt sie zurück.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="738"/>
        <source>Summary copied.</source>
        <translation>Zusammenfassung kopiert.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="753"/>
        <source>Write some of the article first: suggestions are made from its text.</source>
        <translation>Schreiben Sie zuerst einen Teil des Artikels: Die Vorschläge entstehen aus seinem Text.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="758"/>
        <source>Reading the article…</source>
        <translation>Der Artikel wird gelesen…</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="773"/>
        <source>Suggested title %1</source>
        <translation>Vorgeschlagener Titel %1</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="774"/>
        <source>Use the title “%1”</source>
        <translation>Den Titel „%1“ verwenden</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="780"/>
        <source>Title set.</source>
        <translation>Titel übernommen.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="786"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="800"/>
        <source>The field already says that.</source>
        <translation>Das steht bereits im Feld.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="805"/>
        <source>Undo (Ctrl+Alt+Z) puts back what was there.</source>
        <translation>Rückgängig (Strg+Alt+Z) stellt den vorherigen Inhalt wieder her.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="817"/>
        <source>Undone.</source>
        <translation>Rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="846"/>
        <source>The text that came is kept.</source>
        <translation>Der bereits empfangene Text bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>inkwell::app::AuditLogPage</name>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="33"/>
        <location filename="../app/admin/auditlogpage.cpp" line="58"/>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="39"/>
        <location filename="../app/admin/auditlogpage.cpp" line="118"/>
        <source>Filter the audit log</source>
        <translation>Audit-Protokoll filtern</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="40"/>
        <source>Filter by name, address or detail  (Ctrl+F)</source>
        <translation>Nach Name, Adresse oder Detail filtern  (Strg+F)</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="46"/>
        <source>Show entries of action</source>
        <translation>Einträge mit Aktion anzeigen</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="51"/>
        <location filename="../app/admin/auditlogpage.cpp" line="127"/>
        <source>Reload the audit log</source>
        <translation>Audit-Protokoll neu laden</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="52"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="53"/>
        <source>Reload (F5)</source>
        <translation>Neu laden (F5)</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="90"/>
        <source>How many entries are shown</source>
        <translation>Wie viele Einträge angezeigt werden</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="92"/>
        <source>Load &amp;older entries</source>
        <translation>Ä&amp;ltere Einträge laden</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="94"/>
        <source>Load older audit entries</source>
        <translation>Ältere Protokolleinträge laden</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="155"/>
        <source>The audit log could not be loaded: %1</source>
        <translation>Das Audit-Protokoll konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="167"/>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="176"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="178"/>
        <source>Entries shown: %1</source>
        <translation>Angezeigte Einträge: %1</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="180"/>
        <source> (of %1 loaded)</source>
        <translation> (von %1 geladenen)</translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="182"/>
        <source> · older entries available</source>
        <translation> · ältere Einträge verfügbar</translation>
    </message>
</context>
<context>
    <name>inkwell::app::ChangePasswordDialog</name>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="36"/>
        <location filename="../app/account/changepassworddialog.cpp" line="93"/>
        <location filename="../app/account/changepassworddialog.cpp" line="95"/>
        <location filename="../app/account/changepassworddialog.cpp" line="161"/>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="37"/>
        <source>Change password — Inkwell</source>
        <translation>Passwort ändern – Inkwell</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="45"/>
        <source>Change your password</source>
        <translation>Ändern Sie Ihr Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="49"/>
        <source>You stay signed in here. Everywhere else (other computers, other apps) you will have to sign in again with the new password.</source>
        <translation>Hier bleiben Sie angemeldet. Überall sonst (auf anderen Computern, in anderen Apps) müssen Sie sich mit dem neuen Passwort erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="53"/>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="54"/>
        <source>Problem with the current password</source>
        <translation>Problem mit dem aktuellen Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="55"/>
        <source>&amp;Current password</source>
        <translation>&amp;Aktuelles Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="57"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="58"/>
        <source>At least 12 characters</source>
        <translation>Mindestens 12 Zeichen</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="60"/>
        <source>Password rules</source>
        <translation>Passwortregeln</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="62"/>
        <source>Problem with the new password</source>
        <translation>Problem mit dem neuen Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="63"/>
        <source>&amp;New password</source>
        <translation>&amp;Neues Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="65"/>
        <source>New password again</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="66"/>
        <source>Problem with the repeated password</source>
        <translation>Problem mit dem wiederholten Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="67"/>
        <source>New password &amp;again</source>
        <translation>Neues Passwort &amp;wiederholen</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="69"/>
        <source>S&amp;how passwords</source>
        <translation>Passwörter an&amp;zeigen</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="71"/>
        <source>Show passwords</source>
        <translation>Passwörter anzeigen</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="76"/>
        <source>Changing the password</source>
        <translation>Passwort wird geändert</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="83"/>
        <source>Why the password was not changed</source>
        <translation>Warum das Passwort nicht geändert wurde</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="89"/>
        <location filename="../app/account/changepassworddialog.cpp" line="91"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="135"/>
        <source>Enter the password you use now.</source>
        <translation>Geben Sie Ihr derzeitiges Passwort ein.</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="139"/>
        <source>The new password is the same as the current one.</source>
        <translation>Das neue Passwort ist dasselbe wie das aktuelle.</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="141"/>
        <source>This is not the same as the new password above.</source>
        <translation>Das stimmt nicht mit dem neuen Passwort oben überein.</translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="161"/>
        <source>Changing…</source>
        <translation>Wird geändert…</translation>
    </message>
</context>
<context>
    <name>inkwell::app::ChatInput</name>
    <message>
        <location filename="../app/chat/chatinput.cpp" line="15"/>
        <source>Message to the assistant</source>
        <translation>Nachricht an den Assistenten</translation>
    </message>
</context>
<context>
    <name>inkwell::app::ChatPanel</name>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="47"/>
        <location filename="../app/chat/chatpanel.cpp" line="568"/>
        <source>AI chat</source>
        <translation>KI-Chat</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="53"/>
        <source>Conversations and messages</source>
        <translation>Unterhaltungen und Nachrichten</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="60"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="64"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="99"/>
        <source>Conversation deleted</source>
        <translation>Unterhaltung gelöscht</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="106"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="136"/>
        <location filename="../app/chat/chatpanel.cpp" line="137"/>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="141"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="143"/>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="144"/>
        <source>New conversation (Ctrl+K)</source>
        <translation>Neue Unterhaltung (Strg+K)</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="153"/>
        <source>Conversation list</source>
        <translation>Liste der Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="170"/>
        <source>Conversation list status</source>
        <translation>Status der Unterhaltungsliste</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="186"/>
        <source>Conversation header</source>
        <translation>Kopfzeile der Unterhaltung</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="191"/>
        <source>Conversation title</source>
        <translation>Titel der Unterhaltung</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="195"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="196"/>
        <source>The model that answers in this conversation</source>
        <translation>Das Modell, das in dieser Unterhaltung antwortet</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="199"/>
        <source>Tokens in this conversation</source>
        <translation>Tokens in dieser Unterhaltung</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="202"/>
        <location filename="../app/chat/chatpanel.cpp" line="227"/>
        <location filename="../app/chat/chatpanel.cpp" line="572"/>
        <location filename="../app/chat/chatpanel.cpp" line="587"/>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="205"/>
        <source>Instructions the assistant follows in this conversation (Ctrl+Alt+P)</source>
        <translation>Anweisungen, denen der Assistent in dieser Unterhaltung folgt (Strg+Alt+P)</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="217"/>
        <source>System prompt editor</source>
        <translation>Systemprompt-Editor</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="221"/>
        <source>System prompt — how the assistant should behave in this conversation</source>
        <translation>Systemprompt – wie sich der Assistent in dieser Unterhaltung verhalten soll</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="223"/>
        <source>System prompt explanation</source>
        <translation>Erklärung zum Systemprompt</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="229"/>
        <source>For example: You are a patient editor. Answer briefly and keep my voice.</source>
        <translation>Zum Beispiel: Du bist ein geduldiger Lektor. Antworte knapp und bewahre meinen Stil.</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="237"/>
        <source>System prompt status</source>
        <translation>Status des Systemprompts</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="238"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="240"/>
        <source>Save system prompt</source>
        <translation>Systemprompt speichern</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="241"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Speichern (Strg+Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="266"/>
        <source>Question area</source>
        <translation>Bereich für Fragen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="272"/>
        <source>The assistant is not available</source>
        <translation>Der Assistent ist nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="280"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="284"/>
        <source>Editing your last question — Enter sends it again, Esc cancels</source>
        <translation>Sie bearbeiten Ihre letzte Frage – Eingabetaste sendet sie erneut, Esc bricht ab</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="286"/>
        <source>Editing the last question</source>
        <translation>Letzte Frage wird bearbeitet</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="302"/>
        <location filename="../app/chat/chatpanel.cpp" line="304"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="305"/>
        <location filename="../app/chat/chatpanel.cpp" line="607"/>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="308"/>
        <location filename="../app/chat/chatpanel.cpp" line="604"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="310"/>
        <source>Stop the answer</source>
        <translation>Antwort stoppen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="311"/>
        <source>Stop (Esc)</source>
        <translation>Stopp (Esc)</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="325"/>
        <source>Enter to send · Shift+Enter for a new line · Esc stops an answer</source>
        <translation>Eingabetaste sendet · Umschalt+Eingabetaste für neue Zeile · Esc stoppt eine Antwort</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="327"/>
        <source>Keyboard hint</source>
        <translation>Tastaturhinweis</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="331"/>
        <source>Chat status</source>
        <translation>Chat-Status</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="350"/>
        <source>New Conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="352"/>
        <source>Search Conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="358"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="364"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="371"/>
        <source>Stop Answer</source>
        <translation>Antwort stoppen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="377"/>
        <source>Regenerate Answer</source>
        <translation>Antwort neu erzeugen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="383"/>
        <source>Edit Last Question</source>
        <translation>Letzte Frage bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="385"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="391"/>
        <source>Copy Last Answer</source>
        <translation>Letzte Antwort kopieren</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="399"/>
        <source>Answer copied</source>
        <translation>Antwort kopiert</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="403"/>
        <source>System Prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="501"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="502"/>
        <source>System prompt saved</source>
        <translation>Systemprompt gespeichert</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/chatpanel.cpp" line="584"/>
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln Token</numerusform>
            <numerusform>%Ln Tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="585"/>
        <source>Tokens used in this conversation so far (questions, answers and titles)</source>
        <translation>Bisher in dieser Unterhaltung verbrauchte Tokens (Fragen, Antworten und Titel)</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="587"/>
        <source>System prompt ●</source>
        <translation>Systemprompt ●</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="588"/>
        <source>set</source>
        <translation>festgelegt</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="588"/>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="604"/>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="610"/>
        <source>The assistant is not available on this server</source>
        <translation>Der Assistent ist auf diesem Server nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="611"/>
        <source>Edit your question</source>
        <translation>Bearbeiten Sie Ihre Frage</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="612"/>
        <source>Ask the assistant…</source>
        <translation>Fragen Sie den Assistenten…</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="652"/>
        <source>An answer is still arriving; Esc stops it.</source>
        <translation>Eine Antwort wird noch empfangen; Esc stoppt sie.</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="722"/>
        <location filename="../app/chat/chatpanel.cpp" line="726"/>
        <source>Delete conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="723"/>
        <source>Delete “%1” and all its messages? This cannot be undone.</source>
        <translation>„%1“ und alle zugehörigen Nachrichten löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="727"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="768"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>inkwell::app::ChatView</name>
    <message>
        <location filename="../app/chat/chattheme.cpp" line="124"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="34"/>
        <location filename="../app/chat/chatview.cpp" line="42"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="47"/>
        <source>Message list</source>
        <translation>Nachrichtenliste</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="56"/>
        <location filename="../app/chat/chatview.cpp" line="58"/>
        <source>Show earlier messages</source>
        <translation>Frühere Nachrichten anzeigen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="66"/>
        <source>No messages</source>
        <translation>Keine Nachrichten</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="71"/>
        <source>Empty chat</source>
        <translation>Leerer Chat</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="76"/>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="85"/>
        <location filename="../app/chat/chatview.cpp" line="368"/>
        <location filename="../app/chat/chatview.cpp" line="372"/>
        <source>No conversation open</source>
        <translation>Keine Unterhaltung geöffnet</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="85"/>
        <location filename="../app/chat/chatview.cpp" line="368"/>
        <location filename="../app/chat/chatview.cpp" line="372"/>
        <source>Pick one on the left, or start a new one with Ctrl+K.</source>
        <translation>Wählen Sie links eine aus oder beginnen Sie mit Strg+K eine neue.</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="89"/>
        <source>↓ Jump to latest</source>
        <translation>↓ Zur neuesten</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="91"/>
        <source>Jump to the latest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="195"/>
        <source>Message copied</source>
        <translation>Nachricht kopiert</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="357"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="360"/>
        <source>This conversation could not be opened</source>
        <translation>Diese Unterhaltung konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="363"/>
        <source>Think aloud with the assistant</source>
        <translation>Denken Sie mit dem Assistenten laut nach</translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="364"/>
        <source>Ask about a scene, a title, a paragraph that does not work yet.
Enter sends, Shift+Enter starts a new line.</source>
        <translation>Fragen Sie nach einer Szene, einem Titel, einem Absatz, der noch nicht funktioniert.
Die Eingabetaste sendet, Umschalt+Eingabetaste beginnt eine neue Zeile.</translation>
    </message>
</context>
<context>
    <name>inkwell::app::ColorChip</name>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="18"/>
        <source>Blue: your lines</source>
        <translation>Blau: Ihre Zeilen</translation>
    </message>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="21"/>
        <source>Amber: the server&apos;s lines</source>
        <translation>Bernsteingelb: Zeilen des Servers</translation>
    </message>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="24"/>
        <source>Green: settled changes</source>
        <translation>Grün: geklärte Änderungen</translation>
    </message>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="27"/>
        <source>Green: added lines</source>
        <translation>Grün: hinzugefügte Zeilen</translation>
    </message>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="30"/>
        <source>Red: removed lines</source>
        <translation>Rot: entfernte Zeilen</translation>
    </message>
</context>
<context>
    <name>inkwell::app::ConflictView</name>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="95"/>
        <source>Resolve the conflict</source>
        <translation>Konflikt lösen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="96"/>
        <source>Resolve conflict — %1</source>
        <translation>Konflikt lösen – %1</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="106"/>
        <source>This article has no conflict to settle any more.</source>
        <translation>Dieser Artikel hat keinen Konflikt mehr, der gelöst werden muss.</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="127"/>
        <source>Your version</source>
        <translation>Ihre Version</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="128"/>
        <source>The server&apos;s version</source>
        <translation>Die Version des Servers</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="129"/>
        <source>The merged text</source>
        <translation>Der zusammengeführte Text</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="136"/>
        <source>Header</source>
        <translation>Kopfbereich</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="155"/>
        <source>Separator</source>
        <translation>Trennlinie</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="171"/>
        <source>%1 was changed here and on the server in the same places</source>
        <translation>%1 wurde hier und auf dem Server an denselben Stellen geändert</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="175"/>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="182"/>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="184"/>
        <source>Both versions are kept until you decide. For each marked conflict in the merged text, take yours, the server&apos;s or both — or edit it freely — then save. Nothing is sent to the server before you save.</source>
        <translation>Beide Versionen bleiben erhalten, bis Sie sich entscheiden. Übernehmen Sie für jeden markierten Konflikt im zusammengeführten Text Ihre Version, die des Servers oder beide – oder bearbeiten Sie ihn frei – und speichern Sie dann. Vor dem Speichern wird nichts an den Server gesendet.</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="193"/>
        <source>Conflicting title and excerpt</source>
        <translation>Titel und Auszug im Konflikt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="199"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="204"/>
        <source>Excerpt</source>
        <translation>Auszug</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="224"/>
        <source>↑ Previous conflict</source>
        <translation>↑ Vorheriger Konflikt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="227"/>
        <source>↓ Next conflict</source>
        <translation>↓ Nächster Konflikt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="229"/>
        <location filename="../app/compare/conflictview.cpp" line="574"/>
        <source>Take mine</source>
        <translation>Meine übernehmen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="231"/>
        <location filename="../app/compare/conflictview.cpp" line="575"/>
        <location filename="../app/compare/conflictview.cpp" line="694"/>
        <source>Take theirs</source>
        <translation>Vom Server übernehmen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="233"/>
        <location filename="../app/compare/conflictview.cpp" line="576"/>
        <source>Take both</source>
        <translation>Beide übernehmen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="245"/>
        <source>Previous conflict</source>
        <translation>Vorheriger Konflikt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="246"/>
        <source>Next conflict</source>
        <translation>Nächster Konflikt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="249"/>
        <source>Current conflict</source>
        <translation>Aktueller Konflikt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="254"/>
        <source>For this conflict</source>
        <translation>Für diesen Konflikt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="255"/>
        <source>For this conflict:</source>
        <translation>Für diesen Konflikt:</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="257"/>
        <source>Take mine for this conflict</source>
        <translation>Für diesen Konflikt meine Version übernehmen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="258"/>
        <source>Take theirs for this conflict</source>
        <translation>Für diesen Konflikt die Version des Servers übernehmen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="259"/>
        <source>Take both for this conflict</source>
        <translation>Für diesen Konflikt beide übernehmen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="265"/>
        <source>Your version (read-only)</source>
        <translation>Ihre Version (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="270"/>
        <source>The server&apos;s version (read-only)</source>
        <translation>Die Version des Servers (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="275"/>
        <source>Merged text (editable)</source>
        <translation>Zusammengeführter Text (bearbeitbar)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="277"/>
        <location filename="../app/compare/conflictview.cpp" line="287"/>
        <source>Yours</source>
        <translation>Ihre Version</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="279"/>
        <source>About your version</source>
        <translation>Über Ihre Version</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="280"/>
        <location filename="../app/compare/conflictview.cpp" line="288"/>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="282"/>
        <source>About the server&apos;s version</source>
        <translation>Über die Version des Servers</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="283"/>
        <source>Merged — edit freely</source>
        <translation>Zusammengeführt – frei bearbeitbar</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="285"/>
        <source>About the merged text</source>
        <translation>Über den zusammengeführten Text</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="286"/>
        <source>what will be saved</source>
        <translation>das wird gespeichert</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="289"/>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="293"/>
        <source>The three versions</source>
        <translation>Die drei Versionen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="306"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="315"/>
        <source>Conflicts left</source>
        <translation>Verbleibende Konflikte</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="321"/>
        <source>Why saving is not possible yet</source>
        <translation>Warum noch nicht gespeichert werden kann</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="333"/>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="333"/>
        <source>Later: leave the conflict as it is</source>
        <translation>Später: den Konflikt vorerst so lassen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="334"/>
        <source>Close without changing anything (Esc)</source>
        <translation>Schließen, ohne etwas zu ändern (Esc)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="335"/>
        <source>&amp;Keep mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="335"/>
        <source>Keep my whole version</source>
        <translation>Meine ganze Version behalten</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="336"/>
        <source>Save your version as it is; the server&apos;s stays in the history</source>
        <translation>Ihre Version unverändert speichern; die des Servers bleibt im Verlauf</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="337"/>
        <source>Take &amp;theirs</source>
        <translation>Server-&amp;Version übernehmen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="337"/>
        <source>Take the server&apos;s whole version</source>
        <translation>Die ganze Version des Servers übernehmen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="338"/>
        <source>Replace your version with the server&apos;s</source>
        <translation>Ihre Version durch die des Servers ersetzen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="339"/>
        <source>&amp;Save merged</source>
        <translation>&amp;Zusammenführung speichern</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="339"/>
        <source>Save the merged text</source>
        <translation>Zusammengeführten Text speichern</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="352"/>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="359"/>
        <source>Save merged</source>
        <translation>Zusammenführung speichern</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="368"/>
        <source>Save the merged text (%1)</source>
        <translation>Zusammengeführten Text speichern (%1)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="398"/>
        <source>(this computer)</source>
        <translation>(dieser Computer)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="398"/>
        <source>(this computer, %1)</source>
        <translation>(dieser Computer, %1)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="409"/>
        <source>(revision %1, by %2, %3)</source>
        <translation>(Revision %1, von %2, %3)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="411"/>
        <source>(revision %1, %2)</source>
        <translation>(Revision %1, %2)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="413"/>
        <source>(revision %1)</source>
        <translation>(Revision %1)</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="443"/>
        <source>There is no conflict to settle.</source>
        <translation>Es gibt keinen Konflikt zu lösen.</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="445"/>
        <source>Settle the marked conflicts first: take a side or edit the text, and remove the markers.</source>
        <translation>Lösen Sie zuerst die markierten Konflikte: Wählen Sie eine Seite oder bearbeiten Sie den Text, und entfernen Sie die Markierungen.</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="447"/>
        <source>Remove the conflict marker on line %1 first.</source>
        <translation>Entfernen Sie zuerst die Konfliktmarkierung in Zeile %1.</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="451"/>
        <source>The title cannot be empty.</source>
        <translation>Der Titel darf nicht leer sein.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="453"/>
        <source>The title is longer than %n characters.</source>
        <translation>
            <numerusform>Der Titel ist länger als %n Zeichen.</numerusform>
            <numerusform>Der Titel ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="456"/>
        <source>The excerpt is longer than %n characters.</source>
        <translation>
            <numerusform>Der Auszug ist länger als %n Zeichen.</numerusform>
            <numerusform>Der Auszug ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="502"/>
        <source>%n conflict(s) left</source>
        <translation>
            <numerusform>%n Konflikt übrig</numerusform>
            <numerusform>%n Konflikte übrig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="505"/>
        <source>A conflict marker is left</source>
        <translation>Eine Konfliktmarkierung ist übrig</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="508"/>
        <source>No conflicts left</source>
        <translation>Keine Konflikte mehr</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="512"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="529"/>
        <source>No conflicts in the text</source>
        <translation>Keine Konflikte im Text</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="531"/>
        <source>Conflict %1 of %2</source>
        <translation>Konflikt %1 von %2</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="534"/>
        <source>%1 goes to the next conflict</source>
        <translation>%1 springt zum nächsten Konflikt</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="587"/>
        <source>Choices for conflict %1</source>
        <translation>Auswahl für Konflikt %1</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="589"/>
        <source>%1 for conflict %2</source>
        <translation>%1 für Konflikt %2</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="687"/>
        <source>Take the server&apos;s version?</source>
        <translation>Version des Servers übernehmen?</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="688"/>
        <source>Your version of %1 will be replaced by the server&apos;s. Your changes were never sent, so the history cannot bring them back.</source>
        <translation>Ihre Version von %1 wird durch die des Servers ersetzt. Ihre Änderungen wurden nie gesendet, daher kann der Verlauf sie nicht zurückholen.</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="693"/>
        <source>Confirm taking the server&apos;s version</source>
        <translation>Übernahme der Version des Servers bestätigen</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="710"/>
        <source>Nothing was saved: the sync engine has stopped.</source>
        <translation>Nichts wurde gespeichert: Die Synchronisierung wurde beendet.</translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="723"/>
        <source>Could not settle the conflict: %1</source>
        <translation>Der Konflikt konnte nicht gelöst werden: %1</translation>
    </message>
</context>
<context>
    <name>inkwell::app::ConversationDelegate</name>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="33"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/conversationdelegate.cpp" line="35"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="41"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="109"/>
        <source>No messages yet</source>
        <translation>Noch keine Nachrichten</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/conversationdelegate.cpp" line="109"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/conversationdelegate.cpp" line="111"/>
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln Token</numerusform>
            <numerusform>%Ln Tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="124"/>
        <source>Conversation title</source>
        <translation>Titel der Unterhaltung</translation>
    </message>
</context>
<context>
    <name>inkwell::app::EditorStatus</name>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="95"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="95"/>
        <source>%n min read</source>
        <translation>
            <numerusform>%n Min. Lesezeit</numerusform>
            <numerusform>%n Min. Lesezeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="97"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::FieldChoice</name>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="22"/>
        <source>%1: choose a version</source>
        <translation>%1: Version wählen</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="24"/>
        <source>(automatic)</source>
        <translation>(automatisch)</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="27"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="35"/>
        <source>Yours: %1</source>
        <translation>Ihre: %1</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="37"/>
        <source>%1: yours</source>
        <translation>%1: Ihre</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="39"/>
        <source>Server&apos;s: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="41"/>
        <source>%1: the server&apos;s</source>
        <translation>%1: die des Servers</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="43"/>
        <source>Edit:</source>
        <translation>Bearbeiten:</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="45"/>
        <source>%1: edit</source>
        <translation>%1: bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="48"/>
        <source>%1 to save</source>
        <translation>%1 zum Speichern</translation>
    </message>
</context>
<context>
    <name>inkwell::app::FindReplaceBar</name>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="64"/>
        <source>Find and replace</source>
        <translation>Suchen und Ersetzen</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="66"/>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="68"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="71"/>
        <source>Text to find</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="74"/>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="75"/>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="76"/>
        <source>Match &amp;case</source>
        <translation>&amp;Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="78"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="79"/>
        <source>&amp;Whole words</source>
        <translation>Ganze &amp;Wörter</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="81"/>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="82"/>
        <source>Regular e&amp;xpression</source>
        <translation>Regulärer A&amp;usdruck</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="84"/>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="87"/>
        <source>Find status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="89"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="105"/>
        <location filename="../app/editor/findreplacebar.cpp" line="113"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="106"/>
        <source>Replace:</source>
        <translation>Ersetzen:</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="108"/>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="111"/>
        <source>Replacement text</source>
        <translation>Ersatztext</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="113"/>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="114"/>
        <source>Replace &amp;All</source>
        <translation>A&amp;lle ersetzen</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="114"/>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="265"/>
        <source>Invalid regular expression: %1 (at character %2)</source>
        <translation>Ungültiger regulärer Ausdruck: %1 (bei Zeichen %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/findreplacebar.cpp" line="439"/>
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>%n Vorkommen ersetzt</numerusform>
            <numerusform>%n Vorkommen ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="463"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="469"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/findreplacebar.cpp" line="470"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::LibraryDelegate</name>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="31"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="35"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="42"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="45"/>
        <source>d MMM</source>
        <comment>date pattern: a day this year</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="47"/>
        <source>d MMM yyyy</source>
        <comment>date pattern: a day in another year</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="83"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="85"/>
        <source>Not yet on the server</source>
        <translation>Noch nicht auf dem Server</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="85"/>
        <source>Local changes</source>
        <translation>Lokale Änderungen</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="87"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="89"/>
        <source>Refused by the server</source>
        <translation>Vom Server abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="98"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="100"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="102"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="165"/>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
</context>
<context>
    <name>inkwell::app::LibraryPanel</name>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="223"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="227"/>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="228"/>
        <source>Search (Ctrl+Shift+F)</source>
        <translation>Suchen (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="233"/>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="240"/>
        <source>Show articles of status</source>
        <translation>Artikel mit Status anzeigen</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="241"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="242"/>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="243"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="244"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="248"/>
        <source>Show articles with tag</source>
        <translation>Artikel mit Schlagwort anzeigen</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="252"/>
        <source>Sort articles by</source>
        <translation>Artikel sortieren nach</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="253"/>
        <source>Recently changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="254"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="258"/>
        <source>Whose articles</source>
        <translation>Wessen Artikel</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="259"/>
        <location filename="../app/window/librarypanel.cpp" line="384"/>
        <source>Mine and published</source>
        <translation>Meine und veröffentlichte</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="260"/>
        <source>Only mine</source>
        <translation>Nur meine</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="264"/>
        <source>New article</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="265"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="266"/>
        <source>New article (Ctrl+N)</source>
        <translation>Neuer Artikel (Strg+N)</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="277"/>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="288"/>
        <source>Library is empty</source>
        <translation>Bibliothek ist leer</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="325"/>
        <source>%n result(s) from the server and this computer</source>
        <translation>
            <numerusform>%n Ergebnis vom Server und von diesem Computer</numerusform>
            <numerusform>%n Ergebnisse vom Server und von diesem Computer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="326"/>
        <source>%n result(s) on this computer (offline)</source>
        <translation>
            <numerusform>%n Ergebnis auf diesem Computer (offline)</numerusform>
            <numerusform>%n Ergebnisse auf diesem Computer (offline)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="382"/>
        <source>Everyone&apos;s</source>
        <translation>Von allen</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="402"/>
        <source>Any tag</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="416"/>
        <source>Loading the library…</source>
        <translation>Bibliothek wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="418"/>
        <source>Nothing matches “%1”.</source>
        <translation>Nichts passt zu „%1“.</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="420"/>
        <source>No articles yet.
Press Ctrl+N to start writing.</source>
        <translation>Noch keine Artikel.
Drücken Sie Strg+N, um mit dem Schreiben zu beginnen.</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="422"/>
        <source>No article matches these filters.</source>
        <translation>Kein Artikel passt zu diesen Filtern.</translation>
    </message>
</context>
<context>
    <name>inkwell::app::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="43"/>
        <location filename="../app/mainwindow.cpp" line="598"/>
        <source>Inkwell</source>
        <translation>Inkwell</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="51"/>
        <location filename="../app/mainwindow.cpp" line="53"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="186"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="60"/>
        <location filename="../app/mainwindow.cpp" line="62"/>
        <location filename="../app/mainwindow.cpp" line="64"/>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="74"/>
        <source>Word count and reading time</source>
        <translation>Wortanzahl und Lesezeit</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="77"/>
        <source>Server status</source>
        <translation>Serverstatus</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="100"/>
        <source>Open link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="100"/>
        <source>Open %1 in your web browser?</source>
        <translation>%1 im Webbrowser öffnen?</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="100"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="116"/>
        <source>Your last edits could not be saved on this computer: %1. They are still in the editor; Inkwell keeps trying.</source>
        <translation>Ihre letzten Änderungen konnten auf diesem Computer nicht gespeichert werden: %1. Sie sind noch im Editor; Inkwell versucht es weiter.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="121"/>
        <source>The article you had open was deleted.</source>
        <translation>Der geöffnete Artikel wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="131"/>
        <source>“%1” was deleted on the server while you were editing it. Your version is kept as a new draft.</source>
        <translation>„%1“ wurde auf dem Server gelöscht, während Sie den Artikel bearbeitet haben. Ihre Version bleibt als neuer Entwurf erhalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="139"/>
        <source>%n article(s) changed on the server in the same place as here. Open them to compare.</source>
        <translation>
            <numerusform>%n Artikel wurde auf dem Server an derselben Stelle geändert wie hier. Öffnen Sie ihn, um zu vergleichen.</numerusform>
            <numerusform>%n Artikel wurden auf dem Server an denselben Stellen geändert wie hier. Öffnen Sie sie, um zu vergleichen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="188"/>
        <source>&amp;New Article</source>
        <translation>&amp;Neuer Artikel</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="189"/>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="194"/>
        <source>Change &amp;Password…</source>
        <translation>&amp;Passwort ändern…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="196"/>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="198"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="200"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="202"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="203"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="205"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="209"/>
        <source>Find and &amp;Replace…</source>
        <translation>Suchen und &amp;Ersetzen…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="221"/>
        <source>&amp;Bold</source>
        <translation>&amp;Fett</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="225"/>
        <source>&amp;Italic</source>
        <translation>&amp;Kursiv</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="229"/>
        <source>Insert &amp;Link</source>
        <translation>&amp;Link einfügen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="234"/>
        <source>&amp;Article</source>
        <translation>A&amp;rtikel</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="236"/>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="238"/>
        <source>&amp;Unpublish</source>
        <translation>Veröffentlichung &amp;zurückziehen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="239"/>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="241"/>
        <source>Revision &amp;History…</source>
        <translation>&amp;Revisionsverlauf…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="243"/>
        <source>Resolve &amp;Conflict…</source>
        <translation>&amp;Konflikt lösen…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="246"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="249"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="251"/>
        <source>Go to &amp;Library</source>
        <translation>Zur &amp;Bibliothek</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="255"/>
        <source>Go to the &amp;Text</source>
        <translation>Zum &amp;Text</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="257"/>
        <source>&amp;Search the Library</source>
        <translation>Bibliothek &amp;durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="262"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="268"/>
        <source>Show the &amp;Outline</source>
        <translation>&amp;Gliederung anzeigen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="274"/>
        <source>Show the &amp;Library</source>
        <translation>B&amp;ibliothek anzeigen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="278"/>
        <source>&amp;Focus Mode</source>
        <translation>&amp;Fokusmodus</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="282"/>
        <source>&amp;Theme</source>
        <translation>Farb&amp;schema</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="286"/>
        <source>Follow the &amp;System</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="287"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="288"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="302"/>
        <source>A&amp;I</source>
        <translation>&amp;KI</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="306"/>
        <source>Show the AI &amp;Panel</source>
        <translation>KI-&amp;Assistenz anzeigen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="313"/>
        <source>Show the &amp;Chat</source>
        <translation>&amp;Chat anzeigen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="319"/>
        <source>&amp;New Conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="330"/>
        <source>Ad&amp;min</source>
        <translation>&amp;Verwaltung</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="332"/>
        <source>&amp;Users, Statistics and Audit Log…</source>
        <translation>&amp;Benutzer, Statistik und Audit-Protokoll…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="335"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="337"/>
        <source>&amp;About Inkwell</source>
        <translation>Ü&amp;ber Inkwell</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="339"/>
        <source>About Inkwell</source>
        <translation>Über Inkwell</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="340"/>
        <source>Inkwell %1 — a self-hosted AI writing platform.</source>
        <translation>Inkwell %1 – eine selbst gehostete KI-Schreibplattform.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="357"/>
        <location filename="../app/mainwindow.cpp" line="359"/>
        <source>AI Assist</source>
        <translation>KI-Assistenz</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="376"/>
        <location filename="../app/mainwindow.cpp" line="378"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="408"/>
        <source>Fetching the article…</source>
        <translation>Artikel wird abgerufen…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="415"/>
        <source>That article is not available to you any more.</source>
        <translation>Dieser Artikel ist für Sie nicht mehr verfügbar.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="443"/>
        <source>Inkwell — Administration</source>
        <translation>Inkwell – Verwaltung</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="470"/>
        <location filename="../app/mainwindow.cpp" line="511"/>
        <location filename="../app/mainwindow.cpp" line="600"/>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="475"/>
        <source>Publish “%1”? Everyone who can read this server will see it.</source>
        <translation>„%1“ veröffentlichen? Alle, die auf diesem Server lesen können, werden den Artikel sehen.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="476"/>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="479"/>
        <source>Unpublish “%1”? Readers will no longer see it; it becomes a draft again.</source>
        <translation>Veröffentlichung von „%1“ zurückziehen? Leser sehen den Artikel dann nicht mehr; er wird wieder ein Entwurf.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="480"/>
        <source>Unpublish</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="483"/>
        <source>Archive “%1”? Readers will no longer see it; you keep it in your library.</source>
        <translation>„%1“ archivieren? Leser sehen den Artikel dann nicht mehr; er bleibt in Ihrer Bibliothek.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="484"/>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="490"/>
        <source>Sending “%1” to the server…</source>
        <translation>„%1“ wird an den Server gesendet…</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="494"/>
        <source>“%1” could not be changed: %2</source>
        <translation>„%1“ konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="497"/>
        <source>“%1” is published.</source>
        <translation>„%1“ ist veröffentlicht.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="498"/>
        <source>“%1” is a draft again.</source>
        <translation>„%1“ ist wieder ein Entwurf.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="499"/>
        <source>“%1” is archived.</source>
        <translation>„%1“ ist archiviert.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="512"/>
        <location filename="../app/mainwindow.cpp" line="515"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="513"/>
        <source>Delete “%1”? It disappears from every computer; an administrator can restore it within 30 days.</source>
        <translation>„%1“ löschen? Der Artikel verschwindet von allen Computern; ein Administrator kann ihn innerhalb von 30 Tagen wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="519"/>
        <source>“%1” could not be deleted: %2</source>
        <translation>„%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="523"/>
        <source>“%1” is deleted.</source>
        <translation>„%1“ ist gelöscht.</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="551"/>
        <location filename="../app/mainwindow.cpp" line="559"/>
        <source>Remove articles from this computer?</source>
        <translation>Artikel von diesem Computer entfernen?</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="552"/>
        <source>The server no longer has %1 of the %n article(s) on this computer. This happens when the server was reset or replaced. Remove them here too?

Your own unsynced edits are kept either way.</source>
        <translation>
            <numerusform>Der Server hat %1 von %n Artikel auf diesem Computer nicht mehr. Das passiert, wenn der Server zurückgesetzt oder ersetzt wurde. Sollen sie auch hier entfernt werden?

Ihre eigenen, nicht synchronisierten Änderungen bleiben in jedem Fall erhalten.</numerusform>
            <numerusform>Der Server hat %1 der %n Artikel auf diesem Computer nicht mehr. Das passiert, wenn der Server zurückgesetzt oder ersetzt wurde. Sollen sie auch hier entfernt werden?

Ihre eigenen, nicht synchronisierten Änderungen bleiben in jedem Fall erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="561"/>
        <source>Keep Them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="563"/>
        <source>Remove Them</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="600"/>
        <source>%1 — Inkwell</source>
        <translation>%1 – Inkwell</translation>
    </message>
</context>
<context>
    <name>inkwell::app::MarkdownEditor</name>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="56"/>
        <source>Article text</source>
        <translation>Artikeltext</translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="57"/>
        <source>Write in Markdown…</source>
        <translation>In Markdown schreiben…</translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="521"/>
        <source>Editor menu</source>
        <translation>Editor-Menü</translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="543"/>
        <source>No suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="565"/>
        <source>Add &quot;%1&quot; to Dictionary</source>
        <translation>„%1“ zum Wörterbuch hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="573"/>
        <source>Ignore &quot;%1&quot;</source>
        <translation>„%1“ ignorieren</translation>
    </message>
</context>
<context>
    <name>inkwell::app::MessageBanner</name>
    <message>
        <location filename="../app/admin/messagebanner.cpp" line="19"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../app/admin/messagebanner.cpp" line="27"/>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <location filename="../app/admin/messagebanner.cpp" line="30"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>inkwell::app::MessageBody</name>
    <message>
        <location filename="../app/chat/messagebody.cpp" line="19"/>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <location filename="../app/chat/messagebody.cpp" line="105"/>
        <source>Code block copied</source>
        <translation>Codeblock kopiert</translation>
    </message>
    <message>
        <location filename="../app/chat/messagebody.cpp" line="127"/>
        <source>Copy code block</source>
        <translation>Codeblock kopieren</translation>
    </message>
    <message>
        <location filename="../app/chat/messagebody.cpp" line="132"/>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
</context>
<context>
    <name>inkwell::app::MessageWidget</name>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="39"/>
        <location filename="../app/chat/messagewidget.cpp" line="79"/>
        <location filename="../app/chat/messagewidget.cpp" line="293"/>
        <source>Your message</source>
        <translation>Ihre Nachricht</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="39"/>
        <location filename="../app/chat/messagewidget.cpp" line="293"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="49"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="49"/>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="51"/>
        <source>Author</source>
        <translation>Verfasser</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="54"/>
        <source>Message state</source>
        <translation>Nachrichtenstatus</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="58"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="95"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="100"/>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="103"/>
        <location filename="../app/chat/messagewidget.cpp" line="105"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="116"/>
        <source>Message actions</source>
        <translation>Nachrichtenaktionen</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="122"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="122"/>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="125"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="125"/>
        <source>Edit question and send again</source>
        <translation>Frage bearbeiten und erneut senden</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="128"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="128"/>
        <source>Answer again</source>
        <translation>Erneut antworten</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="130"/>
        <source>Previous answer</source>
        <translation>Vorherige Antwort</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="133"/>
        <source>Answer number</source>
        <translation>Antwortnummer</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="135"/>
        <source>Next answer</source>
        <translation>Nächste Antwort</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="144"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="218"/>
        <source>thinking…</source>
        <translation>denkt nach…</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="218"/>
        <source>writing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="222"/>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="226"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="230"/>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="230"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="235"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="235"/>
        <source>earlier answer</source>
        <translation>frühere Antwort</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="258"/>
        <source>The server asked to wait until %1.</source>
        <translation>Der Server bittet, bis %1 zu warten.</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="261"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="279"/>
        <source>Answer %1 of %2</source>
        <translation>Antwort %1 von %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/messagewidget.cpp" line="281"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="283"/>
        <source>%1 tok/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="287"/>
        <source>First words after %1 s</source>
        <translation>Erste Wörter nach %1 s</translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationBell</name>
    <message numerus="yes">
        <location filename="../app/notifications/notificationbell.cpp" line="110"/>
        <source>Notifications (%n unread)</source>
        <translation>
            <numerusform>Benachrichtigungen (%n ungelesen)</numerusform>
            <numerusform>Benachrichtigungen (%n ungelesen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationbell.cpp" line="110"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationbell.cpp" line="112"/>
        <source>Opens the list of notifications (Ctrl+Shift+N)</source>
        <translation>Öffnet die Liste der Benachrichtigungen (Strg+Umschalt+N)</translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationDelegate</name>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="34"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="36"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="38"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="41"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="43"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationList</name>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="132"/>
        <location filename="../app/notifications/notificationlist.cpp" line="134"/>
        <location filename="../app/notifications/notificationlist.cpp" line="136"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="144"/>
        <source>Unread notifications</source>
        <translation>Ungelesene Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="147"/>
        <source>Mark &amp;all as read</source>
        <translation>&amp;Alle als gelesen markieren</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="149"/>
        <source>Mark all notifications as read</source>
        <translation>Alle Benachrichtigungen als gelesen markieren</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="150"/>
        <source>Mark all as read (Ctrl+Shift+R)</source>
        <translation>Alle als gelesen markieren (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="155"/>
        <source>Notification list</source>
        <translation>Benachrichtigungsliste</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="167"/>
        <source>You&apos;re all caught up.
New articles by authors you follow show up here.</source>
        <translation>Sie sind auf dem neuesten Stand.
Neue Artikel von Autoren, denen Sie folgen, erscheinen hier.</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="169"/>
        <source>No notifications</source>
        <translation>Keine Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="175"/>
        <source>Mark as &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="177"/>
        <source>Mark the selected notification as read</source>
        <translation>Ausgewählte Benachrichtigung als gelesen markieren</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="178"/>
        <source>Mark as read (Ctrl+R)</source>
        <translation>Als gelesen markieren (Strg+R)</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="180"/>
        <source>Load &amp;older</source>
        <translation>Ä&amp;ltere laden</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="182"/>
        <source>Load older notifications</source>
        <translation>Ältere Benachrichtigungen laden</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="207"/>
        <source>Mark as read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="212"/>
        <source>Mark all as read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="271"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="271"/>
        <source>No unread notifications</source>
        <translation>Keine ungelesenen Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationPopup</name>
    <message>
        <location filename="../app/notifications/notificationbell.cpp" line="56"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>inkwell::app::OutlineModel</name>
    <message>
        <location filename="../app/editor/outlinemodel.cpp" line="115"/>
        <source>Heading level %1: %2</source>
        <translation>Überschrift Ebene %1: %2</translation>
    </message>
</context>
<context>
    <name>inkwell::app::OutlineView</name>
    <message>
        <location filename="../app/editor/outlineview.cpp" line="37"/>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
</context>
<context>
    <name>inkwell::app::PreviewPane</name>
    <message>
        <location filename="../app/editor/previewpane.cpp" line="45"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../app/editor/previewpane.cpp" line="49"/>
        <source>Preview of the article</source>
        <translation>Vorschau des Artikels</translation>
    </message>
</context>
<context>
    <name>inkwell::app::RevisionHistoryView</name>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="87"/>
        <source>Revision history</source>
        <translation>Revisionsverlauf</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="88"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="353"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="115"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="121"/>
        <source>About the history</source>
        <translation>Über den Verlauf</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="123"/>
        <source>Every save on the server is a revision. Select one to see how your text differs from it; restoring one makes it your text again without losing any revision.</source>
        <translation>Jedes Speichern auf dem Server ergibt eine Revision. Wählen Sie eine aus, um zu sehen, wie sich Ihr Text von ihr unterscheidet; wenn Sie eine wiederherstellen, wird sie wieder Ihr Text, ohne dass eine Revision verloren geht.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="130"/>
        <source>Revisions and comparison</source>
        <translation>Revisionen und Vergleich</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="136"/>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="139"/>
        <source>&amp;Revisions on the server</source>
        <translation>&amp;Revisionen auf dem Server</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="141"/>
        <source>Revisions on the server</source>
        <translation>Revisionen auf dem Server</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="148"/>
        <source>Revisions, newest first</source>
        <translation>Revisionen, neueste zuerst</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="152"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="152"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="152"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="152"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="159"/>
        <source>History status</source>
        <translation>Status des Verlaufs</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="164"/>
        <source>Try a&amp;gain</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="166"/>
        <source>Try loading the history again</source>
        <translation>Erneut versuchen, den Verlauf zu laden</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="168"/>
        <source>Load &amp;older revisions</source>
        <translation>Ä&amp;ltere Revisionen laden</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="170"/>
        <source>Load older revisions</source>
        <translation>Ältere Revisionen laden</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="181"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="184"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="188"/>
        <source>Title, excerpt and tags</source>
        <translation>Titel, Auszug und Schlagwörter</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="196"/>
        <source>Show the differences inline</source>
        <translation>Unterschiede fortlaufend anzeigen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="197"/>
        <source>&amp;Inline</source>
        <translation>&amp;Fortlaufend</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="202"/>
        <source>Show the differences side by side</source>
        <translation>Unterschiede nebeneinander anzeigen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="203"/>
        <source>Side &amp;by side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="214"/>
        <source>Lines changed</source>
        <translation>Geänderte Zeilen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="217"/>
        <source>&amp;Copy as unified diff</source>
        <translation>Als Unified Diff &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="219"/>
        <source>Copy the differences as a unified diff</source>
        <translation>Unterschiede als Unified Diff kopieren</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="229"/>
        <source>Copy the text&apos;s differences as a unified diff (%1)</source>
        <translation>Unterschiede im Text als Unified Diff kopieren (%1)</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="236"/>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="239"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="245"/>
        <source>Differences, inline</source>
        <translation>Unterschiede, fortlaufend</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="242"/>
        <source>Select a revision to compare it with your text.</source>
        <translation>Wählen Sie eine Revision, um sie mit Ihrem Text zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="254"/>
        <source>Differences, side by side</source>
        <translation>Unterschiede, nebeneinander</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="275"/>
        <source>The revision&apos;s text</source>
        <translation>Text der Revision</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="280"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="287"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="549"/>
        <source>Your text</source>
        <translation>Ihr Text</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="283"/>
        <source>Revision header</source>
        <translation>Kopfzeile der Revision</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="285"/>
        <source>Your text header</source>
        <translation>Kopfzeile Ihres Textes</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="309"/>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="312"/>
        <source>Why restoring is not possible</source>
        <translation>Warum Wiederherstellen nicht möglich ist</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="315"/>
        <source>Re&amp;store this revision…</source>
        <translation>Diese Revision &amp;wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="317"/>
        <source>Restore this revision</source>
        <translation>Diese Revision wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="329"/>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="331"/>
        <source>Close the history</source>
        <translation>Verlauf schließen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="354"/>
        <source>This article is not in the library on this computer.</source>
        <translation>Dieser Artikel ist nicht in der Bibliothek auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="359"/>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="360"/>
        <source>History — %1</source>
        <translation>Verlauf – %1</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="363"/>
        <source>This article has not been on the server yet, so it has no history. It will once it has synced.</source>
        <translation>Dieser Artikel war noch nie auf dem Server und hat daher keinen Verlauf. Den bekommt er, sobald er synchronisiert wurde.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="402"/>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="402"/>
        <source>Loading older revisions…</source>
        <translation>Ältere Revisionen werden geladen…</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="423"/>
        <source>The server lists no revisions of this article.</source>
        <translation>Der Server führt keine Revisionen dieses Artikels.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="436"/>
        <source>%1 · latest</source>
        <translation>%1 · neueste</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="458"/>
        <source>another account</source>
        <translation>ein anderes Konto</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="464"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="547"/>
        <source>%1 compared with your text</source>
        <translation>%1 im Vergleich mit Ihrem Text</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="501"/>
        <source>Revision %1 (%2, by %3)</source>
        <translation>Revision %1 (%2, von %3)</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="502"/>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="502"/>
        <source>Revision %1 (%2)</source>
        <translation>Revision %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="522"/>
        <source>Fetching revision %1…</source>
        <translation>Revision %1 wird abgerufen…</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="534"/>
        <source>Revision %1 could not be fetched.</source>
        <translation>Revision %1 konnte nicht abgerufen werden.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="550"/>
        <source>Your text (not synced yet)</source>
        <translation>Ihr Text (noch nicht synchronisiert)</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="553"/>
        <source>(automatic)</source>
        <translation>(automatisch)</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="556"/>
        <source>Title: %1 → %2</source>
        <translation>Titel: %1 → %2</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="558"/>
        <source>Excerpt: %1 → %2</source>
        <translation>Auszug: %1 → %2</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="564"/>
        <source>added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="566"/>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="567"/>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="570"/>
        <source>Title, excerpt and tags: the same as yours.</source>
        <translation>Titel, Auszug und Schlagwörter: wie bei Ihnen.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="587"/>
        <source>The text of revision %1 is the same as yours.</source>
        <translation>Der Text von Revision %1 ist derselbe wie Ihrer.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="596"/>
        <source>No changes in the text</source>
        <translation>Keine Änderungen im Text</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="599"/>
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n Zeile hinzugefügt</numerusform>
            <numerusform>%n Zeilen hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="600"/>
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>%n Zeile entfernt</numerusform>
            <numerusform>%n Zeilen entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="621"/>
        <source>Copied the differences as a unified diff (%n line(s)).</source>
        <translation>
            <numerusform>Unterschiede als Unified Diff kopiert (%n Zeile).</numerusform>
            <numerusform>Unterschiede als Unified Diff kopiert (%n Zeilen).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="639"/>
        <source>Settle this article&apos;s conflict first.</source>
        <translation>Lösen Sie zuerst den Konflikt dieses Artikels.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="641"/>
        <source>Your text is already that of revision %1.</source>
        <translation>Ihr Text entspricht bereits Revision %1.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="644"/>
        <source>Make this revision your text again</source>
        <translation>Diese Revision wieder zu Ihrem Text machen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="647"/>
        <source>Select a revision to compare it with your text</source>
        <translation>Wählen Sie eine Revision, um sie mit Ihrem Text zu vergleichen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="662"/>
        <source>The history is kept on the server, which cannot be reached right now. Your text is safe on this computer; try again when you are online.</source>
        <translation>Der Verlauf liegt auf dem Server, der gerade nicht erreichbar ist. Ihr Text ist auf diesem Computer sicher; versuchen Sie es erneut, wenn Sie online sind.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="664"/>
        <source>This revision is on the server, which cannot be reached right now. Try again when you are online.</source>
        <translation>Diese Revision liegt auf dem Server, der gerade nicht erreichbar ist. Versuchen Sie es erneut, wenn Sie online sind.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="670"/>
        <source>Your session has ended: sign in again to see the history.</source>
        <translation>Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an, um den Verlauf zu sehen.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="672"/>
        <source>The server does not let this account see the history of this article.</source>
        <translation>Der Server erlaubt diesem Konto nicht, den Verlauf dieses Artikels zu sehen.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="674"/>
        <source>The server does not have this article any more; it may have been deleted.</source>
        <translation>Der Server hat diesen Artikel nicht mehr; vielleicht wurde er gelöscht.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="675"/>
        <source>The server does not have this revision.</source>
        <translation>Der Server hat diese Revision nicht.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="680"/>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="688"/>
        <source>Restore revision %1?</source>
        <translation>Revision %1 wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="689"/>
        <source>Your title, excerpt, tags and text become those of revision %1. They are saved here as your draft and sent to the server as a new revision with the next sync; every earlier revision, including the one you have now, stays in the history.</source>
        <translation>Titel, Auszug, Schlagwörter und Text werden zu denen von Revision %1. Sie werden hier als Ihr Entwurf gespeichert und mit der nächsten Synchronisierung als neue Revision an den Server gesendet; alle früheren Revisionen, auch Ihre jetzige, bleiben im Verlauf.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="695"/>
        <source>Confirm restoring revision %1</source>
        <translation>Wiederherstellen von Revision %1 bestätigen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="697"/>
        <source>Your text has changes that are not on the server yet. They are replaced and will not be in the history.</source>
        <translation>Ihr Text enthält Änderungen, die noch nicht auf dem Server sind. Sie werden ersetzt und erscheinen nicht im Verlauf.</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="699"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="718"/>
        <source>Restoring revision %1…</source>
        <translation>Revision %1 wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="723"/>
        <source>Revision %1 was not restored: %2</source>
        <translation>Revision %1 wurde nicht wiederhergestellt: %2</translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="728"/>
        <source>Revision %1 is your text again. It is saved on this computer and goes to the server as a new revision with the next sync; the earlier revisions stay in the history.</source>
        <translation>Revision %1 ist wieder Ihr Text. Sie ist auf diesem Computer gespeichert und geht mit der nächsten Synchronisierung als neue Revision an den Server; die früheren Revisionen bleiben im Verlauf.</translation>
    </message>
</context>
<context>
    <name>inkwell::app::SignInDialog</name>
    <message>
        <location filename="../app/account/formparts.cpp" line="57"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../app/account/formparts.cpp" line="76"/>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <location filename="../app/account/formparts.cpp" line="177"/>
        <source>12 to 128 characters. Any characters work, spaces too: a few unrelated words make a strong password.</source>
        <translation>12 bis 128 Zeichen. Alle Zeichen sind erlaubt, auch Leerzeichen: Einige Wörter, die nichts miteinander zu tun haben, ergeben ein starkes Passwort.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/account/formparts.cpp" line="184"/>
        <source>Use at least 12 characters (this one has %n).</source>
        <translation>
            <numerusform>Verwenden Sie mindestens 12 Zeichen (dieses hat %n).</numerusform>
            <numerusform>Verwenden Sie mindestens 12 Zeichen (dieses hat %n).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/account/formparts.cpp" line="187"/>
        <source>Use at most 128 characters.</source>
        <translation>Verwenden Sie höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="33"/>
        <source>Sign in to Inkwell</source>
        <translation>Bei Inkwell anmelden</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="45"/>
        <source>Sign-in steps</source>
        <translation>Anmeldeschritte</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="58"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="60"/>
        <source>Back to the first page</source>
        <translation>Zurück zur ersten Seite</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="62"/>
        <location filename="../app/account/signindialog.cpp" line="64"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="89"/>
        <source>Waiting for your answer…</source>
        <translation>Warten auf Ihre Antwort…</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="101"/>
        <location filename="../app/account/signindialog.cpp" line="520"/>
        <location filename="../app/account/signindialog.cpp" line="540"/>
        <source>Creating your account…</source>
        <translation>Ihr Konto wird angelegt…</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="142"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="148"/>
        <location filename="../app/account/signindialog.cpp" line="319"/>
        <source>Welcome to Inkwell</source>
        <translation>Willkommen bei Inkwell</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="151"/>
        <source>Inkwell keeps your writing on an Inkwell server and on this computer, so you can write offline too. How would you like to start?</source>
        <translation>Inkwell speichert Ihre Texte auf einem Inkwell-Server und auf diesem Computer, sodass Sie auch offline schreiben können. Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="157"/>
        <location filename="../app/account/signindialog.cpp" line="162"/>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="158"/>
        <source>Sign in to an Inkwell server that you or your team already run, or create an account on it.</source>
        <translation>Melden Sie sich bei einem Inkwell-Server an, den Sie oder Ihr Team bereits betreiben, oder legen Sie dort ein Konto an.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="165"/>
        <location filename="../app/account/signindialog.cpp" line="170"/>
        <source>Start a private server on this computer</source>
        <translation>Einen privaten Server auf diesem Computer starten</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="166"/>
        <source>For writing on your own: Inkwell runs its own server here, which only this computer can reach. You become its administrator.</source>
        <translation>Zum Schreiben für sich allein: Inkwell betreibt hier einen eigenen Server, den nur dieser Computer erreicht. Sie werden sein Administrator.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="174"/>
        <source>Not available: this copy of Inkwell came without its server.</source>
        <translation>Nicht verfügbar: Zu dieser Inkwell-Installation gehört kein Server.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="187"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="199"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="200"/>
        <source>https://inkwell.example.com</source>
        <translation>https://inkwell.example.com</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="203"/>
        <source>Server check</source>
        <translation>Serverprüfung</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="205"/>
        <source>&amp;Server address</source>
        <translation>&amp;Serveradresse</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="210"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="212"/>
        <source>Problem with the name</source>
        <translation>Problem mit dem Namen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="213"/>
        <source>Your &amp;name</source>
        <translation>Ihr &amp;Name</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="218"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="219"/>
        <source>you@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="221"/>
        <source>Problem with the email</source>
        <translation>Problem mit der E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="222"/>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="226"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="230"/>
        <source>Password rules</source>
        <translation>Passwortregeln</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="232"/>
        <source>Problem with the password</source>
        <translation>Problem mit dem Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="233"/>
        <source>S&amp;how password</source>
        <translation>Passwort &amp;anzeigen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="235"/>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="237"/>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="239"/>
        <source>&amp;Keep the server running after Inkwell closes</source>
        <translation>Server nach dem Beenden von Inkwell &amp;weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="241"/>
        <source>Keep the server running after Inkwell closes</source>
        <translation>Server nach dem Beenden von Inkwell weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="243"/>
        <source>Otherwise the server stops when you quit Inkwell and starts again with it.</source>
        <translation>Sonst stoppt der Server, wenn Sie Inkwell beenden, und startet mit Inkwell wieder.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="244"/>
        <source>About keeping the server running</source>
        <translation>Über das Weiterlaufen des Servers</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="268"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="273"/>
        <source>What is happening</source>
        <translation>Was gerade passiert</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="280"/>
        <source>Why signing in did not work</source>
        <translation>Warum die Anmeldung nicht geklappt hat</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="347"/>
        <source>Sign in — Inkwell</source>
        <translation>Anmelden – Inkwell</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="348"/>
        <location filename="../app/account/signindialog.cpp" line="350"/>
        <location filename="../app/account/signindialog.cpp" line="351"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="349"/>
        <source>Enter the address of your Inkwell server and your account&apos;s email and password.</source>
        <translation>Geben Sie die Adresse Ihres Inkwell-Servers sowie E-Mail-Adresse und Passwort Ihres Kontos ein.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="352"/>
        <source>New here? Create an &amp;account</source>
        <translation>Neu hier? &amp;Konto anlegen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="353"/>
        <source>Create an account instead</source>
        <translation>Stattdessen ein Konto anlegen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="357"/>
        <source>Create an account — Inkwell</source>
        <translation>Konto anlegen – Inkwell</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="358"/>
        <source>Create your account</source>
        <translation>Legen Sie Ihr Konto an</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="360"/>
        <source>Your account lives on the server you connect to. The first account on a new server manages it.</source>
        <translation>Ihr Konto liegt auf dem Server, mit dem Sie sich verbinden. Das erste Konto auf einem neuen Server verwaltet ihn.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="361"/>
        <location filename="../app/account/signindialog.cpp" line="362"/>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="363"/>
        <source>Already have an account? Sign &amp;in</source>
        <translation>Schon ein Konto? An&amp;melden</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="364"/>
        <source>Sign in instead</source>
        <translation>Stattdessen anmelden</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="365"/>
        <location filename="../app/account/signindialog.cpp" line="374"/>
        <source>At least 12 characters</source>
        <translation>Mindestens 12 Zeichen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="368"/>
        <source>Private server — Inkwell</source>
        <translation>Privater Server – Inkwell</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="369"/>
        <source>Start a private server</source>
        <translation>Einen privaten Server starten</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="370"/>
        <source>Inkwell starts its own server on this computer and creates your account on it. You are its administrator; only this computer can reach it.</source>
        <translation>Inkwell startet einen eigenen Server auf diesem Computer und legt dort Ihr Konto an. Sie sind sein Administrator; nur dieser Computer kann ihn erreichen.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="372"/>
        <source>Start server</source>
        <translation>Server starten</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="373"/>
        <source>Start the private server and create the account</source>
        <translation>Privaten Server starten und Konto anlegen</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="435"/>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="444"/>
        <source>Something answers at this address, but it is not an Inkwell server.</source>
        <translation>Unter dieser Adresse antwortet etwas, aber es ist kein Inkwell-Server.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="450"/>
        <source>An Inkwell server answers at this address.</source>
        <translation>Unter dieser Adresse antwortet ein Inkwell-Server.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="451"/>
        <source>Inkwell server %1 answers at this address.</source>
        <translation>Unter dieser Adresse antwortet Inkwell-Server %1.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="454"/>
        <source>The connection is not encrypted: your password would travel readable by others on the network. Use https:// if the server offers it.</source>
        <translation>Die Verbindung ist nicht verschlüsselt: Ihr Passwort wäre für andere im Netzwerk lesbar. Verwenden Sie https://, wenn der Server es anbietet.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="487"/>
        <source>Enter your name as others should see it.</source>
        <translation>Geben Sie Ihren Namen so ein, wie andere ihn sehen sollen.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="490"/>
        <source>Enter your email address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="492"/>
        <source>This does not look like an email address.</source>
        <translation>Das sieht nicht wie eine E-Mail-Adresse aus.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="495"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="513"/>
        <location filename="../app/account/signindialog.cpp" line="593"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="536"/>
        <source>Starting the server…</source>
        <translation>Server wird gestartet…</translation>
    </message>
</context>
<context>
    <name>inkwell::app::SyncIndicator</name>
    <message>
        <location filename="../app/window/syncindicator.cpp" line="34"/>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location filename="../app/window/syncindicator.cpp" line="37"/>
        <source>Sync now (Ctrl+S)</source>
        <translation>Jetzt synchronisieren (Strg+S)</translation>
    </message>
    <message>
        <location filename="../app/window/syncindicator.cpp" line="69"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
</context>
<context>
    <name>inkwell::app::TextPane</name>
    <message>
        <location filename="../app/compare/textpane.cpp" line="21"/>
        <source>Line numbers</source>
        <translation>Zeilennummern</translation>
    </message>
</context>
<context>
    <name>inkwell::app::TokenStoreDialog</name>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="20"/>
        <source>No keyring available</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="21"/>
        <source>Where to keep your sign-in</source>
        <translation>Wo Ihre Anmeldedaten aufbewahrt werden</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="29"/>
        <source>Where should Inkwell keep your sign-in?</source>
        <translation>Wo soll Inkwell Ihre Anmeldedaten aufbewahren?</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="34"/>
        <source>Inkwell keeps your sign-in in your system&apos;s keyring, where it is encrypted. No keyring works on this computer right now, so you decide.</source>
        <translation>Inkwell bewahrt Ihre Anmeldedaten verschlüsselt im Schlüsselbund Ihres Systems auf. Auf diesem Computer funktioniert derzeit kein Schlüsselbund, daher entscheiden Sie.</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="39"/>
        <source>Why: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="40"/>
        <source>Why no keyring works</source>
        <translation>Warum kein Schlüsselbund funktioniert</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="43"/>
        <source>Keep it for this session only</source>
        <translation>Nur für diese Sitzung aufbewahren</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="44"/>
        <source>Nothing is written to disk. You sign in again each time you start Inkwell.</source>
        <translation>Es wird nichts auf die Festplatte geschrieben. Sie melden sich bei jedem Start von Inkwell erneut an.</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="48"/>
        <source>Keep the sign-in for this session only</source>
        <translation>Anmeldedaten nur für diese Sitzung aufbewahren</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="54"/>
        <source>Keep it in a file only you can read</source>
        <translation>In einer Datei aufbewahren, die nur Sie lesen können</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="55"/>
        <source>Not encrypted: anyone who can read your files or your backups can use it to act as you. Stored in %1.</source>
        <translation>Nicht verschlüsselt: Wer Ihre Dateien oder Sicherungen lesen kann, kann damit in Ihrem Namen handeln. Gespeichert in %1.</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="59"/>
        <source>Keep the sign-in in an unencrypted file only you can read</source>
        <translation>Anmeldedaten in einer unverschlüsselten Datei aufbewahren, die nur Sie lesen können</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="64"/>
        <source>Do&amp;n&apos;t sign in</source>
        <translation>&amp;Nicht anmelden</translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="66"/>
        <source>Don&apos;t sign in</source>
        <translation>Nicht anmelden</translation>
    </message>
</context>
<context>
    <name>inkwell::app::TrayNotifier</name>
    <message numerus="yes">
        <location filename="../app/notifications/traynotifier.cpp" line="63"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/traynotifier.cpp" line="65"/>
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n neue Benachrichtigung</numerusform>
            <numerusform>%n neue Benachrichtigungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::comparetext</name>
    <message>
        <location filename="../app/compare/comparetext.cpp" line="26"/>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AccountInfo</name>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="72"/>
        <source>Enter the server&apos;s address, for example https://inkwell.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel https://inkwell.example.com.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="74"/>
        <source>A server address has no spaces.</source>
        <translation>Eine Serveradresse enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="85"/>
        <source>&quot;%1&quot; is not a server address.</source>
        <translation>„%1“ ist keine Serveradresse.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="88"/>
        <source>Inkwell talks to servers over http:// or https://, not %1://.</source>
        <translation>Inkwell verbindet sich mit Servern über http:// oder https://, nicht über %1://.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="90"/>
        <source>Leave the user name and password out of the address; enter them below.</source>
        <translation>Lassen Sie Benutzername und Passwort aus der Adresse weg; geben Sie sie unten ein.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="92"/>
        <source>A server address ends before any &quot;?&quot; or &quot;#&quot;.</source>
        <translation>Eine Serveradresse endet vor jedem „?“ oder „#“.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AccountSession</name>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="40"/>
        <source>The server is not answering yet; working offline.</source>
        <translation>Der Server antwortet noch nicht; Sie arbeiten offline.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="139"/>
        <source>Your sign-in could not be read from %1 (%2). Please sign in again.</source>
        <translation>Ihre Anmeldedaten konnten nicht gelesen werden (Speicherort: %1; %2). Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="176"/>
        <source>The server cannot be reached; working offline. %1</source>
        <translation>Der Server ist nicht erreichbar; Sie arbeiten offline. %1</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="232"/>
        <source>The place for your sign-in went away.</source>
        <translation>Der Speicherort für Ihre Anmeldedaten ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="289"/>
        <source>Inkwell has no place to keep your sign-in.</source>
        <translation>Inkwell hat keinen Ort, an dem Ihre Anmeldedaten aufbewahrt werden können.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="306"/>
        <source>the system keyring does not work</source>
        <translation>der Schlüsselbund des Systems funktioniert nicht</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="315"/>
        <source>No keyring works on this computer (%1), so Inkwell cannot keep your sign-in.</source>
        <translation>Auf diesem Computer funktioniert kein Schlüsselbund (%1), daher kann Inkwell Ihre Anmeldedaten nicht aufbewahren.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="411"/>
        <source>You are signed out on this computer, but the server could not be told (%1). The session ends there when it expires.</source>
        <translation>Sie sind auf diesem Computer abgemeldet, aber der Server konnte nicht benachrichtigt werden (%1). Die Sitzung endet dort, wenn sie abläuft.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="443"/>
        <source>Sign in before changing your password.</source>
        <translation>Melden Sie sich an, bevor Sie Ihr Passwort ändern.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="508"/>
        <source>The server cannot be reached; working offline.</source>
        <translation>Der Server ist nicht erreichbar; Sie arbeiten offline.</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="570"/>
        <source>Your sign-in could not be saved in %1: %2</source>
        <translation>Ihre Anmeldedaten konnten nicht gespeichert werden (Speicherort: %1): %2</translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="571"/>
        <source>Your sign-in could not be removed from %1: %2</source>
        <translation>Ihre Anmeldedaten konnten nicht entfernt werden (Speicherort: %1): %2</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AdminUsersModel</name>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="14"/>
        <source>Viewer</source>
        <translation>Leser</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="16"/>
        <source>Creator</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="18"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="62"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="62"/>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="67"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="114"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="116"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="118"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="120"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="122"/>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="124"/>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="126"/>
        <source>Joined</source>
        <translation>Registriert</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AiAvailability</name>
    <message>
        <location filename="../app/engine/aiavailability.cpp" line="32"/>
        <source>This server has no AI provider set up, so the assistant cannot answer. An administrator can configure one (INKWELL_AI_PROVIDER) and restart the server; your conversations stay readable.</source>
        <translation>Auf diesem Server ist kein KI-Anbieter eingerichtet, daher kann der Assistent nicht antworten. Ein Administrator kann einen konfigurieren (INKWELL_AI_PROVIDER) und den Server neu starten; Ihre Unterhaltungen bleiben lesbar.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AssistSession</name>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="34"/>
        <source>in %1 s</source>
        <translation>in %1 s</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="37"/>
        <source>in %1 min</source>
        <translation>in %1 Min.</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="38"/>
        <source>in %1 h %2 min</source>
        <translation>in %1 Std. %2 Min.</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="95"/>
        <source>The AI provider did not pass the server&apos;s last check; assists may fail.</source>
        <translation>Der KI-Anbieter hat die letzte Prüfung des Servers nicht bestanden; KI-Funktionen können fehlschlagen.</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="108"/>
        <source>The AI provider does not answer the server&apos;s check right now; assists may fail.</source>
        <translation>Der KI-Anbieter antwortet derzeit nicht auf die Prüfung des Servers; KI-Funktionen können fehlschlagen.</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="160"/>
        <source>Checking whether this server offers AI assists…</source>
        <translation>Es wird geprüft, ob dieser Server KI-Funktionen anbietet…</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="162"/>
        <source>The server cannot be reached; AI assists need a connection to it.</source>
        <translation>Der Server ist nicht erreichbar; KI-Funktionen benötigen eine Verbindung zu ihm.</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="164"/>
        <source>This server has no AI provider; ask its administrator to set INKWELL_AI_PROVIDER.</source>
        <translation>Dieser Server hat keinen KI-Anbieter; bitten Sie seinen Administrator, INKWELL_AI_PROVIDER festzulegen.</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="167"/>
        <source>AI assists are for creators and administrators, and your account is a viewer; ask an administrator for the creator role.</source>
        <translation>KI-Funktionen sind Autoren und Administratoren vorbehalten, und Ihr Konto hat die Rolle Leser; bitten Sie einen Administrator um die Rolle Autor.</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="170"/>
        <source>The server does not let your account use AI assists.</source>
        <translation>Der Server erlaubt Ihrem Konto keine KI-Funktionen.</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="171"/>
        <source>The server does not let your account use AI assists: %1</source>
        <translation>Der Server erlaubt Ihrem Konto keine KI-Funktionen: %1</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="213"/>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/assistsession.cpp" line="214"/>
        <source>%1 of %2 token(s) left today</source>
        <translation>
            <numerusform>Heute noch %1 von %2 Token übrig</numerusform>
            <numerusform>Heute noch %1 von %2 Tokens übrig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="257"/>
        <source>Too many requests; try again in %1 s</source>
        <translation>Zu viele Anfragen; versuchen Sie es in %1 s erneut</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="261"/>
        <source>AI quota used up; it resets at %1 UTC (%2)</source>
        <translation>KI-Kontingent aufgebraucht; es wird um %1 UTC zurückgesetzt (%2)</translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="318"/>
        <source>The server ended the stream before the article was complete.</source>
        <translation>Der Server hat die Übertragung beendet, bevor der Artikel vollständig war.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AuditLogModel</name>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="81"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="132"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="134"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="136"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="138"/>
        <source>Affected user</source>
        <translation>Betroffener Benutzer</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="140"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="142"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="153"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="155"/>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="157"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="159"/>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="161"/>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="163"/>
        <source>Stolen session token used</source>
        <translation>Gestohlenes Sitzungstoken verwendet</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="165"/>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="167"/>
        <source>Account activated</source>
        <translation>Konto aktiviert</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="169"/>
        <source>Account deactivated</source>
        <translation>Konto deaktiviert</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="171"/>
        <source>Administrator created on the server</source>
        <translation>Administrator auf dem Server angelegt</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="173"/>
        <source>Article deleted</source>
        <translation>Artikel gelöscht</translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="175"/>
        <source>Article restored</source>
        <translation>Artikel wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::FileSecretStore</name>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="296"/>
        <source>a file readable only by you, stored unencrypted (%1)</source>
        <translation>eine nur für Sie lesbare, unverschlüsselte Datei (%1)</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="307"/>
        <source>The file is too big.</source>
        <translation>Die Datei ist zu groß.</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="314"/>
        <source>The file is not an Inkwell secrets file.</source>
        <translation>Die Datei ist keine Inkwell-Geheimnisdatei.</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="319"/>
        <source>A secret is not text.</source>
        <translation>Ein Geheimnis ist kein Text.</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="330"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="352"/>
        <location filename="../app/engine/secretstore.cpp" line="360"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="357"/>
        <source>Cannot make %1 private: %2</source>
        <translation>%1 kann nicht privat gemacht werden: %2</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="366"/>
        <source>%1 could not be made readable only by you; it was removed.</source>
        <translation>%1 konnte nicht nur für Sie lesbar gemacht werden; die Datei wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="385"/>
        <location filename="../app/engine/secretstore.cpp" line="390"/>
        <source>No secret is stored under this name.</source>
        <translation>Unter diesem Namen ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::HealthMonitor</name>
    <message>
        <location filename="../app/engine/healthmonitor.cpp" line="65"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../app/engine/healthmonitor.cpp" line="66"/>
        <source>Server %1 is healthy (version %2)</source>
        <translation>Server %1 ist betriebsbereit (Version %2)</translation>
    </message>
    <message>
        <location filename="../app/engine/healthmonitor.cpp" line="67"/>
        <source>Server %1 answers, but its database does not</source>
        <translation>Server %1 antwortet, seine Datenbank aber nicht</translation>
    </message>
    <message>
        <location filename="../app/engine/healthmonitor.cpp" line="68"/>
        <source>Server %1 is unreachable; working offline</source>
        <translation>Server %1 ist nicht erreichbar; Sie arbeiten offline</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::KeychainSecretStore</name>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="152"/>
        <source>No keyring is running (no Secret Service on D-Bus): %1</source>
        <translation>Es läuft kein Schlüsselbund (kein Secret Service auf D-Bus): %1</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="193"/>
        <source>the system keyring</source>
        <translation>der Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="238"/>
        <source>The keyring returned something other than what was stored.</source>
        <translation>Der Schlüsselbund hat etwas anderes zurückgegeben, als gespeichert wurde.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::MemorySecretStore</name>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="257"/>
        <source>this session only (you sign in again after quitting)</source>
        <translation>nur diese Sitzung (nach dem Beenden melden Sie sich erneut an)</translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="264"/>
        <source>No secret is stored under this name.</source>
        <translation>Unter diesem Namen ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::MessageListModel</name>
    <message>
        <location filename="../app/engine/messagelistmodel.cpp" line="26"/>
        <source>This answer broke off before it was complete.</source>
        <translation>Diese Antwort brach ab, bevor sie vollständig war.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::NotificationCenter</name>
    <message>
        <location filename="../app/engine/notificationcenter.cpp" line="288"/>
        <source>The notification could not be marked as read: %1</source>
        <translation>Die Benachrichtigung konnte nicht als gelesen markiert werden: %1</translation>
    </message>
    <message>
        <location filename="../app/engine/notificationcenter.cpp" line="322"/>
        <source>The notifications could not be marked as read: %1</source>
        <translation>Die Benachrichtigungen konnten nicht als gelesen markiert werden: %1</translation>
    </message>
    <message>
        <location filename="../app/engine/notificationcenter.cpp" line="450"/>
        <source>Your session has ended; sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen; melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::PrivateServer</name>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="235"/>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="244"/>
        <source>Connecting to the private server that kept running…</source>
        <translation>Verbindung zum weiterlaufenden privaten Server wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="256"/>
        <location filename="../app/engine/privateserver.cpp" line="464"/>
        <source>The private server is running.</source>
        <translation>Der private Server läuft.</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="262"/>
        <source>Restarting the private server, which stopped answering…</source>
        <translation>Der private Server antwortet nicht mehr und wird neu gestartet…</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="291"/>
        <source>The Inkwell server program (inkwelld) was not found beside Inkwell or on the PATH. Install the Inkwell server package, or connect to a server instead.</source>
        <translation>Das Inkwell-Serverprogramm (inkwelld) wurde weder neben Inkwell noch im PATH gefunden. Installieren Sie das Inkwell-Serverpaket oder verbinden Sie sich stattdessen mit einem Server.</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="296"/>
        <source>%1 is not a program that can be run.</source>
        <translation>%1 ist kein ausführbares Programm.</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="299"/>
        <source>Setting up the server for the first time; this takes a minute…</source>
        <translation>Der Server wird zum ersten Mal eingerichtet; das dauert etwa eine Minute…</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="300"/>
        <source>Starting the server…</source>
        <translation>Server wird gestartet…</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="362"/>
        <location filename="../app/engine/privateserver.cpp" line="411"/>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="375"/>
        <source>The server stopped while starting (exit code %1).</source>
        <translation>Der Server wurde beim Starten beendet (Exit-Code %1).</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="376"/>
        <location filename="../app/engine/privateserver.cpp" line="438"/>
        <source>The server stopped while starting: %1</source>
        <translation>Der Server wurde beim Starten beendet: %1</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="380"/>
        <source>The private server stopped unexpectedly.</source>
        <translation>Der private Server wurde unerwartet beendet.</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="381"/>
        <source>The private server stopped unexpectedly: %1</source>
        <translation>Der private Server wurde unerwartet beendet: %1</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="437"/>
        <source>The server stopped while starting.</source>
        <translation>Der Server wurde beim Starten beendet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/privateserver.cpp" line="443"/>
        <source>The server did not start within %n second(s).</source>
        <translation>
            <numerusform>Der Server ist nicht innerhalb von %n Sekunde gestartet.</numerusform>
            <numerusform>Der Server ist nicht innerhalb von %n Sekunden gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="450"/>
        <source>Waiting for the server to answer…</source>
        <translation>Warten auf Antwort des Servers…</translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="469"/>
        <source>The server did not answer at %1 in time.</source>
        <translation>Der Server hat unter %1 nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::SecretStore</name>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="71"/>
        <location filename="../app/engine/secretstore.cpp" line="81"/>
        <location filename="../app/engine/secretstore.cpp" line="91"/>
        <source>A secret needs a name.</source>
        <translation>Ein Geheimnis braucht einen Namen.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::StoreDb</name>
    <message>
        <location filename="../app/engine/storedb.cpp" line="903"/>
        <source>The server&apos;s version changed again while you compared; compare with the newest one.</source>
        <translation>Die Version des Servers hat sich während Ihres Vergleichs erneut geändert; vergleichen Sie mit der neuesten.</translation>
    </message>
    <message>
        <location filename="../app/engine/storedb.cpp" line="906"/>
        <source>This conflict was already settled.</source>
        <translation>Dieser Konflikt wurde bereits gelöst.</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::SyncEngine</name>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="27"/>
        <source>The local store failed: %1</source>
        <translation>Fehler im lokalen Speicher: %1</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="70"/>
        <location filename="../app/engine/syncengine.cpp" line="151"/>
        <location filename="../app/engine/syncengine.cpp" line="436"/>
        <source>Signed out: sign in again to sync.</source>
        <translation>Abgemeldet: Melden Sie sich erneut an, um zu synchronisieren.</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="156"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="328"/>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="443"/>
        <source>Sync paused: the server would remove most of your library. Sync again (Ctrl+S) to decide.</source>
        <translation>Synchronisierung angehalten: Der Server würde den Großteil Ihrer Bibliothek entfernen. Synchronisieren Sie erneut (Strg+S), um zu entscheiden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="447"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n Konflikt zu lösen</numerusform>
            <numerusform>%n Konflikte zu lösen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="451"/>
        <source>%n draft(s) the server refused; open them to see why</source>
        <translation>
            <numerusform>%n Entwurf vom Server abgelehnt; öffnen Sie ihn, um den Grund zu sehen</numerusform>
            <numerusform>%n Entwürfe vom Server abgelehnt; öffnen Sie sie, um die Gründe zu sehen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="456"/>
        <source>Synced at %1</source>
        <translation>Synchronisiert um %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="476"/>
        <source>Offline: retrying in %n s</source>
        <translation>
            <numerusform>Offline: neuer Versuch in %n s</numerusform>
            <numerusform>Offline: neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="476"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="478"/>
        <source>Sync failed: %1 Retrying in %n s</source>
        <translation>
            <numerusform>Synchronisierung fehlgeschlagen: %1 Neuer Versuch in %n s</numerusform>
            <numerusform>Synchronisierung fehlgeschlagen: %1 Neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="479"/>
        <source>Sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="493"/>
        <source>This article is not in the library any more.</source>
        <translation>Dieser Artikel ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="497"/>
        <source>Resolve the conflict first.</source>
        <translation>Lösen Sie zuerst den Konflikt.</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="503"/>
        <source>The article is not on the server yet.</source>
        <translation>Der Artikel ist noch nicht auf dem Server.</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="507"/>
        <source>Your edits meet a different change made on the server; resolve the conflict first.</source>
        <translation>Ihre Änderungen treffen auf eine andere Änderung auf dem Server; lösen Sie zuerst den Konflikt.</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="513"/>
        <source>The latest edits could not be saved to the server.</source>
        <translation>Die neuesten Änderungen konnten nicht auf dem Server gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="523"/>
        <source>The article changed on the server meanwhile; it is being updated. Try again.</source>
        <translation>Der Artikel wurde inzwischen auf dem Server geändert und wird gerade aktualisiert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="571"/>
        <source>The article changed on the server meanwhile; it is being updated. Look at it again before deleting it.</source>
        <translation>Der Artikel wurde inzwischen auf dem Server geändert und wird gerade aktualisiert. Sehen Sie ihn sich noch einmal an, bevor Sie ihn löschen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="19"/>
        <source>Inkwell desktop</source>
        <translation>Inkwell-Desktop</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="22"/>
        <source>Server address.</source>
        <translation>Serveradresse.</translation>
    </message>
</context>
</TS>
