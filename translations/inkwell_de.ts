<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DiffDocument</name>
    <message numerus="yes">
        <location filename="../app/compare/diffdocument.cpp" line="72"/>
        <source>⋯ %n unchanged line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::api::ApiError</name>
    <message>
        <location filename="../core/api/apierror.cpp" line="30"/>
        <source>The server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="31"/>
        <source>The server cannot be reached (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="33"/>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="36"/>
        <source>The server&apos;s answer could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="37"/>
        <source>The server&apos;s answer could not be read (%1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/api/apierror.cpp" line="42"/>
        <source>The server answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../core/api/apierror.cpp" line="51"/>
        <source>Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="50"/>
        <source>Administration sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="52"/>
        <source>&amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="53"/>
        <source>&amp;Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="54"/>
        <source>&amp;Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminpanel.cpp" line="151"/>
        <source>Users, usage and security events of %1 · signed in as %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::AdminStatsPage</name>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="181"/>
        <location filename="../app/admin/adminstatspage.cpp" line="185"/>
        <location filename="../app/admin/adminstatspage.cpp" line="190"/>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="197"/>
        <location filename="../app/admin/adminstatspage.cpp" line="199"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="206"/>
        <source>When the statistics were loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="220"/>
        <source>%n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="221"/>
        <source>Last %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="222"/>
        <source>Show the last %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="233"/>
        <location filename="../app/admin/adminstatspage.cpp" line="284"/>
        <source>Reload the statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="234"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="235"/>
        <source>Reload (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="245"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="246"/>
        <location filename="../app/admin/adminstatspage.cpp" line="430"/>
        <location filename="../app/admin/adminstatspage.cpp" line="433"/>
        <location filename="../app/admin/adminstatspage.cpp" line="469"/>
        <source>Articles published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="247"/>
        <location filename="../app/admin/adminstatspage.cpp" line="555"/>
        <location filename="../app/admin/adminstatspage.cpp" line="596"/>
        <source>Chat messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="248"/>
        <source>AI requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="249"/>
        <source>AI failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="250"/>
        <source>AI latency (p95)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="262"/>
        <source>Publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="262"/>
        <source>Articles published and new users per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="264"/>
        <location filename="../app/admin/adminstatspage.cpp" line="482"/>
        <source>Users by role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="264"/>
        <source>Everyone who has an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="267"/>
        <source>Chat and AI usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="267"/>
        <source>Chat messages and AI tokens per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="270"/>
        <source>Articles by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="270"/>
        <source>All articles, not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="299"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="301"/>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="306"/>
        <source>The statistics could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="397"/>
        <source>+%1 new in %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="400"/>
        <source>in %n days · %1 in all</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="404"/>
        <source>%1 AI tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/admin/adminstatspage.cpp" line="407"/>
        <source>in %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="408"/>
        <source>No AI requests in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="413"/>
        <source>%1 % of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="413"/>
        <source>Nothing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="418"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="419"/>
        <source>95 % of AI answers were faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="443"/>
        <location filename="../app/admin/adminstatspage.cpp" line="470"/>
        <source>New users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="507"/>
        <source>%1: %2 (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="530"/>
        <source>users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="558"/>
        <location filename="../app/admin/adminstatspage.cpp" line="597"/>
        <source>AI tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="566"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="568"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="609"/>
        <source>Drafts</source>
        <translation type="unfinished">Entwürfe</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="609"/>
        <source>Published</source>
        <translation type="unfinished">Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="609"/>
        <source>Archived</source>
        <translation type="unfinished">Archiviert</translation>
    </message>
    <message>
        <location filename="../app/admin/adminstatspage.cpp" line="610"/>
        <location filename="../app/admin/adminstatspage.cpp" line="621"/>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::AdminUsersPage</name>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="39"/>
        <location filename="../app/admin/adminuserspage.cpp" line="79"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="45"/>
        <location filename="../app/admin/adminuserspage.cpp" line="156"/>
        <source>Search users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="46"/>
        <source>Search by name or email  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="52"/>
        <source>Show users of role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="53"/>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="54"/>
        <source>Viewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="55"/>
        <source>Creators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="56"/>
        <source>Administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="60"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="61"/>
        <source>Change &amp;role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="63"/>
        <source>Change the selected user&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="66"/>
        <location filename="../app/admin/adminuserspage.cpp" line="248"/>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="68"/>
        <source>Deactivate or activate the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="72"/>
        <location filename="../app/admin/adminuserspage.cpp" line="165"/>
        <source>Reload users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="73"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="74"/>
        <source>Reload (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="122"/>
        <source>How many users are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="124"/>
        <source>Load &amp;more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="126"/>
        <source>Load more users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="206"/>
        <source>The users could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="214"/>
        <location filename="../app/admin/adminuserspage.cpp" line="338"/>
        <source>%1 is now: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="215"/>
        <source>%1 is deactivated and signed out everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="224"/>
        <source>%1 was not changed. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="248"/>
        <source>A&amp;ctivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="249"/>
        <source>Deactivate the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="249"/>
        <source>Activate the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="255"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="255"/>
        <source>Users shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="257"/>
        <source> · more available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="273"/>
        <location filename="../app/admin/adminuserspage.cpp" line="345"/>
        <source>Make %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="294"/>
        <source>User actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="299"/>
        <source>Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="299"/>
        <source>Activate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="340"/>
        <source>This is you: you will no longer be able to use administration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="342"/>
        <source>Administrators can manage every user and article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="343"/>
        <source>The change reaches the user&apos;s app at its next sign-in refresh (within minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="344"/>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="344"/>
        <source>Make %1 %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="357"/>
        <source>Activate account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="357"/>
        <source>Activate %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="358"/>
        <source>They can sign in again with their password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="358"/>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="363"/>
        <source>%1 is signed out everywhere at once and cannot sign in until an administrator activates the account again. Their articles stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="367"/>
        <source>This is you: you will be signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="368"/>
        <source>Deactivate account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="368"/>
        <source>Deactivate %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/adminuserspage.cpp" line="368"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::AppController</name>
    <message>
        <location filename="../app/appcontroller.cpp" line="135"/>
        <source>Inkwell</source>
        <translation type="unfinished">Inkwell</translation>
    </message>
    <message>
        <location filename="../app/appcontroller.cpp" line="136"/>
        <source>Your library on this computer cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/appcontroller.cpp" line="202"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/appcontroller.cpp" line="203"/>
        <source>%n article(s) on this computer have changes the server does not have yet. They stay here and are sent when you sign in again with this account. Sign out anyway?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/appcontroller.cpp" line="208"/>
        <source>Sign Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/appcontroller.cpp" line="230"/>
        <source>Resolve the conflict — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::ArticlePane</name>
    <message>
        <location filename="../app/window/articlepane.cpp" line="68"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="70"/>
        <source>Pick an article in the library, or press Ctrl+N to start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="72"/>
        <source>No article open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="79"/>
        <source>Article notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="83"/>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="86"/>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="88"/>
        <source>Resolve the conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="99"/>
        <location filename="../app/window/articlepane.cpp" line="100"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="110"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="111"/>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="123"/>
        <source>Excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="128"/>
        <source>Spelling language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="129"/>
        <source>The language this article is checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="130"/>
        <source>No spell checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="141"/>
        <source>Article status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="145"/>
        <source>Article text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="269"/>
        <source>revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="279"/>
        <source>This article was changed on the server in the same place as here. Nothing was overwritten: compare both versions and choose what to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="282"/>
        <source>The server refused this version: %1 Your text is safe here; change it and it is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="335"/>
        <source>Excerpt (made from the text when left empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/articlepane.cpp" line="336"/>
        <source>Excerpt — automatic: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::AssistActions</name>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="14"/>
        <source>&amp;Generate Draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="15"/>
        <source>Write a new draft from a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="16"/>
        <source>&amp;Summarize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="17"/>
        <source>Summarize the selection, or the whole article when nothing is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="18"/>
        <source>Suggest &amp;Title, Excerpt and Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="19"/>
        <source>Suggest titles, an excerpt and tags for this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="20"/>
        <source>S&amp;top Generating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="21"/>
        <source>Stop the draft being written; the text so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="22"/>
        <source>&amp;Undo Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistactions.cpp" line="23"/>
        <source>Put back what a field held before the last accepted suggestion</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="118"/>
        <source>The draft was closed, so the generation stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="128"/>
        <source>Draft ready: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="173"/>
        <source>AI provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="180"/>
        <source>AI quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="185"/>
        <source>AI tokens left today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="190"/>
        <source>AI status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="205"/>
        <location filename="../app/assist/assistpanel.cpp" line="208"/>
        <source>Draft from a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="212"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="213"/>
        <source>What the new article should be about; Ctrl+Enter generates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="214"/>
        <source>What should the article be about?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="225"/>
        <location filename="../app/assist/assistpanel.cpp" line="231"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>friendly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>formal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>technical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>persuasive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="228"/>
        <source>concise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="229"/>
        <source>Style (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="235"/>
        <source>Generate draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="239"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="239"/>
        <source>Stop generating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="245"/>
        <source>Writing the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="247"/>
        <source>Draft generation status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="255"/>
        <location filename="../app/assist/assistpanel.cpp" line="258"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="260"/>
        <location filename="../app/assist/assistpanel.cpp" line="523"/>
        <source>Summarize article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="260"/>
        <source>Summarize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="263"/>
        <source>Summarizing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="265"/>
        <source>Summary status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="271"/>
        <source>Summary and key points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="286"/>
        <source>Summary actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="290"/>
        <source>Insert below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="290"/>
        <source>Insert the summary below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="292"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="292"/>
        <source>Copy the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="304"/>
        <location filename="../app/assist/assistpanel.cpp" line="307"/>
        <source>Title, excerpt and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="309"/>
        <location filename="../app/assist/assistpanel.cpp" line="310"/>
        <source>Suggest title, excerpt and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="313"/>
        <source>Suggesting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="315"/>
        <source>Suggestion status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="321"/>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="325"/>
        <source>Titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="332"/>
        <source>Excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="335"/>
        <source>Suggested excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="335"/>
        <source>Use this excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="339"/>
        <source>Excerpt set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="342"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="345"/>
        <source>Suggested tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="345"/>
        <source>Add these tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="346"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="351"/>
        <source>Tags added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="370"/>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="372"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="372"/>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="374"/>
        <source>Put back what the field held before (Ctrl+Alt+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="487"/>
        <source>Write a new draft from the prompt (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="488"/>
        <source>Summarize the selection, or the whole article when nothing is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="490"/>
        <source>Suggest titles, an excerpt and tags for this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="499"/>
        <source>AI quota: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="523"/>
        <source>Summarize selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="595"/>
        <source>Write what the article should be about first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="601"/>
        <source>A new draft could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="605"/>
        <source>Writing a new draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="619"/>
        <source>Stopped; the text written so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="632"/>
        <source>Open an article to summarize it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="639"/>
        <source>There is nothing to summarize yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="653"/>
        <source>Summarizing the selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="653"/>
        <source>Summarizing the article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="729"/>
        <source>Summary inserted; Ctrl+Z in the editor takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="738"/>
        <source>Summary copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="753"/>
        <source>Write some of the article first: suggestions are made from its text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="758"/>
        <source>Reading the article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="773"/>
        <source>Suggested title %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="774"/>
        <source>Use the title “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="780"/>
        <source>Title set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="786"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="800"/>
        <source>The field already says that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="805"/>
        <source>Undo (Ctrl+Alt+Z) puts back what was there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="817"/>
        <source>Undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/assist/assistpanel.cpp" line="846"/>
        <source>The text that came is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::AuditLogPage</name>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="33"/>
        <location filename="../app/admin/auditlogpage.cpp" line="58"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="39"/>
        <location filename="../app/admin/auditlogpage.cpp" line="118"/>
        <source>Filter the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="40"/>
        <source>Filter by name, address or detail  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="46"/>
        <source>Show entries of action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="51"/>
        <location filename="../app/admin/auditlogpage.cpp" line="127"/>
        <source>Reload the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="52"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="53"/>
        <source>Reload (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="90"/>
        <source>How many entries are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="92"/>
        <source>Load &amp;older entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="94"/>
        <source>Load older audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="155"/>
        <source>The audit log could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="167"/>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="176"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="178"/>
        <source>Entries shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="180"/>
        <source> (of %1 loaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/auditlogpage.cpp" line="182"/>
        <source> · older entries available</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="37"/>
        <source>Change password — Inkwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="45"/>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="49"/>
        <source>You stay signed in here. Everywhere else (other computers, other apps) you will have to sign in again with the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="53"/>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="54"/>
        <source>Problem with the current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="55"/>
        <source>&amp;Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="57"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="58"/>
        <source>At least 12 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="60"/>
        <source>Password rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="62"/>
        <source>Problem with the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="63"/>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="65"/>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="66"/>
        <source>Problem with the repeated password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="67"/>
        <source>New password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="69"/>
        <source>S&amp;how passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="71"/>
        <source>Show passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="76"/>
        <source>Changing the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="83"/>
        <source>Why the password was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="89"/>
        <location filename="../app/account/changepassworddialog.cpp" line="91"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="135"/>
        <source>Enter the password you use now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="139"/>
        <source>The new password is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="141"/>
        <source>This is not the same as the new password above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/changepassworddialog.cpp" line="161"/>
        <source>Changing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::ChatInput</name>
    <message>
        <location filename="../app/chat/chatinput.cpp" line="15"/>
        <source>Message to the assistant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::ChatPanel</name>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="46"/>
        <location filename="../app/chat/chatpanel.cpp" line="563"/>
        <source>AI chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="52"/>
        <source>Conversations and messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="59"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="63"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="98"/>
        <source>Conversation deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="105"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="135"/>
        <location filename="../app/chat/chatpanel.cpp" line="136"/>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="140"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="142"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="143"/>
        <source>New conversation (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="152"/>
        <source>Conversation list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="168"/>
        <source>Conversation list status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="184"/>
        <source>Conversation header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="189"/>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="193"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="194"/>
        <source>The model that answers in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="197"/>
        <source>Tokens in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="200"/>
        <location filename="../app/chat/chatpanel.cpp" line="224"/>
        <location filename="../app/chat/chatpanel.cpp" line="567"/>
        <location filename="../app/chat/chatpanel.cpp" line="582"/>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="203"/>
        <source>Instructions the assistant follows in this conversation (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="215"/>
        <source>System prompt editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="219"/>
        <source>System prompt — how the assistant should behave in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="221"/>
        <source>System prompt explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="226"/>
        <source>For example: You are a patient editor. Answer briefly and keep my voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="234"/>
        <source>System prompt status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="235"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="237"/>
        <source>Save system prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="238"/>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="263"/>
        <source>Question area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="269"/>
        <source>The assistant is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="277"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="281"/>
        <source>Editing your last question — Enter sends it again, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="283"/>
        <source>Editing the last question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="298"/>
        <location filename="../app/chat/chatpanel.cpp" line="300"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="301"/>
        <location filename="../app/chat/chatpanel.cpp" line="602"/>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="304"/>
        <location filename="../app/chat/chatpanel.cpp" line="599"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="306"/>
        <source>Stop the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="307"/>
        <source>Stop (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="321"/>
        <source>Enter to send · Shift+Enter for a new line · Esc stops an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="323"/>
        <source>Keyboard hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="326"/>
        <source>Chat status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="345"/>
        <source>New Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="347"/>
        <source>Search Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="353"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="359"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="366"/>
        <source>Stop Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="372"/>
        <source>Regenerate Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="378"/>
        <source>Edit Last Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="380"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="386"/>
        <source>Copy Last Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="394"/>
        <source>Answer copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="398"/>
        <source>System Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="496"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="497"/>
        <source>System prompt saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="579"/>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="580"/>
        <source>Tokens used in this conversation so far (questions, answers and titles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="582"/>
        <source>System prompt ●</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="583"/>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="583"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="599"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="605"/>
        <source>The assistant is not available on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="606"/>
        <source>Edit your question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="607"/>
        <source>Ask the assistant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="647"/>
        <source>An answer is still arriving; Esc stops it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="717"/>
        <location filename="../app/chat/chatpanel.cpp" line="721"/>
        <source>Delete conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="718"/>
        <source>Delete “%1” and all its messages? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="722"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatpanel.cpp" line="763"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::ChatView</name>
    <message>
        <location filename="../app/chat/chattheme.cpp" line="124"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="34"/>
        <location filename="../app/chat/chatview.cpp" line="42"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="47"/>
        <source>Message list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="56"/>
        <location filename="../app/chat/chatview.cpp" line="58"/>
        <source>Show earlier messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="66"/>
        <source>No messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="71"/>
        <source>Empty chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="75"/>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="83"/>
        <location filename="../app/chat/chatview.cpp" line="366"/>
        <location filename="../app/chat/chatview.cpp" line="370"/>
        <source>No conversation open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="83"/>
        <location filename="../app/chat/chatview.cpp" line="366"/>
        <location filename="../app/chat/chatview.cpp" line="370"/>
        <source>Pick one on the left, or start a new one with Ctrl+K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="87"/>
        <source>↓ Jump to latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="89"/>
        <source>Jump to the latest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="193"/>
        <source>Message copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="355"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="358"/>
        <source>This conversation could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="361"/>
        <source>Think aloud with the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/chatview.cpp" line="362"/>
        <source>Ask about a scene, a title, a paragraph that does not work yet.
Enter sends, Shift+Enter starts a new line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::ColorChip</name>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="18"/>
        <source>Blue: your lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="21"/>
        <source>Amber: the server&apos;s lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="24"/>
        <source>Green: settled changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="27"/>
        <source>Green: added lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/colorchip.cpp" line="30"/>
        <source>Red: removed lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::ConflictView</name>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="95"/>
        <source>Resolve the conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="96"/>
        <source>Resolve conflict — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="106"/>
        <source>This article has no conflict to settle any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="127"/>
        <source>Your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="128"/>
        <source>The server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="129"/>
        <source>The merged text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="136"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="155"/>
        <source>Separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="171"/>
        <source>%1 was changed here and on the server in the same places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="175"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="182"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="184"/>
        <source>Both versions are kept until you decide. For each marked conflict in the merged text, take yours, the server&apos;s or both — or edit it freely — then save. Nothing is sent to the server before you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="193"/>
        <source>Conflicting title and excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="199"/>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="204"/>
        <source>Excerpt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="224"/>
        <source>↑ Previous conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="227"/>
        <source>↓ Next conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="229"/>
        <location filename="../app/compare/conflictview.cpp" line="574"/>
        <source>Take mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="231"/>
        <location filename="../app/compare/conflictview.cpp" line="575"/>
        <location filename="../app/compare/conflictview.cpp" line="694"/>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="233"/>
        <location filename="../app/compare/conflictview.cpp" line="576"/>
        <source>Take both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="245"/>
        <source>Previous conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="246"/>
        <source>Next conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="249"/>
        <source>Current conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="254"/>
        <source>For this conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="255"/>
        <source>For this conflict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="257"/>
        <source>Take mine for this conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="258"/>
        <source>Take theirs for this conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="259"/>
        <source>Take both for this conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="265"/>
        <source>Your version (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="270"/>
        <source>The server&apos;s version (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="275"/>
        <source>Merged text (editable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="277"/>
        <location filename="../app/compare/conflictview.cpp" line="287"/>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="279"/>
        <source>About your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="280"/>
        <location filename="../app/compare/conflictview.cpp" line="288"/>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="282"/>
        <source>About the server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="283"/>
        <source>Merged — edit freely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="285"/>
        <source>About the merged text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="286"/>
        <source>what will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="289"/>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="293"/>
        <source>The three versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="306"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="315"/>
        <source>Conflicts left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="321"/>
        <source>Why saving is not possible yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="333"/>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="333"/>
        <source>Later: leave the conflict as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="334"/>
        <source>Close without changing anything (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="335"/>
        <source>&amp;Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="335"/>
        <source>Keep my whole version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="336"/>
        <source>Save your version as it is; the server&apos;s stays in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="337"/>
        <source>Take &amp;theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="337"/>
        <source>Take the server&apos;s whole version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="338"/>
        <source>Replace your version with the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="339"/>
        <source>&amp;Save merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="339"/>
        <source>Save the merged text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="352"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="359"/>
        <source>Save merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="368"/>
        <source>Save the merged text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="398"/>
        <source>(this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="398"/>
        <source>(this computer, %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="409"/>
        <source>(revision %1, by %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="411"/>
        <source>(revision %1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="413"/>
        <source>(revision %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="443"/>
        <source>There is no conflict to settle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="445"/>
        <source>Settle the marked conflicts first: take a side or edit the text, and remove the markers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="447"/>
        <source>Remove the conflict marker on line %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="451"/>
        <source>The title cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="453"/>
        <source>The title is longer than %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="456"/>
        <source>The excerpt is longer than %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/conflictview.cpp" line="502"/>
        <source>%n conflict(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="505"/>
        <source>A conflict marker is left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="508"/>
        <source>No conflicts left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="512"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="529"/>
        <source>No conflicts in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="531"/>
        <source>Conflict %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="534"/>
        <source>%1 goes to the next conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="587"/>
        <source>Choices for conflict %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="589"/>
        <source>%1 for conflict %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="687"/>
        <source>Take the server&apos;s version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="688"/>
        <source>Your version of %1 will be replaced by the server&apos;s. Your changes were never sent, so the history cannot bring them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="693"/>
        <source>Confirm taking the server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="710"/>
        <source>Nothing was saved: the sync engine has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/conflictview.cpp" line="723"/>
        <source>Could not settle the conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::ConversationDelegate</name>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="33"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/conversationdelegate.cpp" line="35"/>
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="41"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="109"/>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/conversationdelegate.cpp" line="109"/>
        <source>%n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="111"/>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/conversationdelegate.cpp" line="124"/>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::EditorStatus</name>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="95"/>
        <source>%n word(s)</source>
        <translation type="unfinished">
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="95"/>
        <source>%n min read</source>
        <translation type="unfinished">
            <numerusform>%n Min. Lesezeit</numerusform>
            <numerusform>%n Min. Lesezeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/editorstatus.cpp" line="97"/>
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::FieldChoice</name>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="22"/>
        <source>%1: choose a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="24"/>
        <source>(automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="35"/>
        <source>Yours: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="37"/>
        <source>%1: yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="39"/>
        <source>Server&apos;s: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="41"/>
        <source>%1: the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="43"/>
        <source>Edit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="45"/>
        <source>%1: edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/fieldchoice.cpp" line="48"/>
        <source>%1 to save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::FindReplaceBar</name>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="64"/>
        <source>Find and replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="66"/>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="68"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="71"/>
        <source>Text to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="74"/>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="75"/>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="76"/>
        <source>Match &amp;case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="78"/>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="79"/>
        <source>&amp;Whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="81"/>
        <source>Whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="82"/>
        <source>Regular e&amp;xpression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="84"/>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="87"/>
        <source>Find status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="89"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="105"/>
        <location filename="../app/editor/findreplacebar.cpp" line="113"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="106"/>
        <source>Replace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="108"/>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="111"/>
        <source>Replacement text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="113"/>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="114"/>
        <source>Replace &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="114"/>
        <source>Replace all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="265"/>
        <source>Invalid regular expression: %1 (at character %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/findreplacebar.cpp" line="439"/>
        <source>Replaced %n occurrence(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="463"/>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/findreplacebar.cpp" line="469"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/editor/findreplacebar.cpp" line="470"/>
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::LibraryDelegate</name>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="31"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="35"/>
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="42"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="78"/>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="80"/>
        <source>Not yet on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="80"/>
        <source>Local changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="82"/>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="84"/>
        <source>Refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="93"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="95"/>
        <source>Published</source>
        <translation type="unfinished">Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="97"/>
        <source>Archived</source>
        <translation type="unfinished">Archiviert</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="160"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::LibraryPanel</name>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="218"/>
        <source>Library</source>
        <translation type="unfinished">Bibliothek</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="222"/>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="223"/>
        <source>Search (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="228"/>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="235"/>
        <source>Show articles of status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="236"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="237"/>
        <source>Drafts</source>
        <translation type="unfinished">Entwürfe</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="238"/>
        <source>Published</source>
        <translation type="unfinished">Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="239"/>
        <source>Archived</source>
        <translation type="unfinished">Archiviert</translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="243"/>
        <source>Show articles with tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="247"/>
        <source>Sort articles by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="248"/>
        <source>Recently changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="249"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="253"/>
        <source>Whose articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="254"/>
        <location filename="../app/window/librarypanel.cpp" line="379"/>
        <source>Mine and published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="255"/>
        <source>Only mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="259"/>
        <source>New article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="260"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="261"/>
        <source>New article (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="272"/>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="283"/>
        <source>Library is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="320"/>
        <source>%n result(s) from the server and this computer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/window/librarypanel.cpp" line="321"/>
        <source>%n result(s) on this computer (offline)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="377"/>
        <source>Everyone&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="397"/>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="411"/>
        <source>Loading the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="413"/>
        <source>Nothing matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="415"/>
        <source>No articles yet.
Press Ctrl+N to start writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/librarypanel.cpp" line="417"/>
        <source>No article matches these filters.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="74"/>
        <source>Word count and reading time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="77"/>
        <source>Server status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="100"/>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="100"/>
        <source>Open %1 in your web browser?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="100"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="116"/>
        <source>Your last edits could not be saved on this computer: %1. They are still in the editor; Inkwell keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="121"/>
        <source>The article you had open was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="131"/>
        <source>“%1” was deleted on the server while you were editing it. Your version is kept as a new draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="139"/>
        <source>%n article(s) changed on the server in the same place as here. Open them to compare.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="188"/>
        <source>&amp;New Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="189"/>
        <source>&amp;Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="194"/>
        <source>Change &amp;Password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="196"/>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="198"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="200"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="202"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="203"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="205"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="209"/>
        <source>Find and &amp;Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="221"/>
        <source>&amp;Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="225"/>
        <source>&amp;Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="229"/>
        <source>Insert &amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="234"/>
        <source>&amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="236"/>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="238"/>
        <source>&amp;Unpublish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="239"/>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="241"/>
        <source>Revision &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="243"/>
        <source>Resolve &amp;Conflict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="246"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="249"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="251"/>
        <source>Go to &amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="255"/>
        <source>Go to the &amp;Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="257"/>
        <source>&amp;Search the Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="262"/>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="268"/>
        <source>Show the &amp;Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="274"/>
        <source>Show the &amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="278"/>
        <source>&amp;Focus Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="282"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="286"/>
        <source>Follow the &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="287"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="288"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="302"/>
        <source>A&amp;I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="306"/>
        <source>Show the AI &amp;Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="313"/>
        <source>Show the &amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="319"/>
        <source>&amp;New Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="330"/>
        <source>Ad&amp;min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="332"/>
        <source>&amp;Users, Statistics and Audit Log…</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="376"/>
        <location filename="../app/mainwindow.cpp" line="378"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="408"/>
        <source>Fetching the article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="415"/>
        <source>That article is not available to you any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="443"/>
        <source>Inkwell — Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="470"/>
        <location filename="../app/mainwindow.cpp" line="511"/>
        <location filename="../app/mainwindow.cpp" line="600"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="475"/>
        <source>Publish “%1”? Everyone who can read this server will see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="476"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="479"/>
        <source>Unpublish “%1”? Readers will no longer see it; it becomes a draft again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="480"/>
        <source>Unpublish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="483"/>
        <source>Archive “%1”? Readers will no longer see it; you keep it in your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="484"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="490"/>
        <source>Sending “%1” to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="494"/>
        <source>“%1” could not be changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="497"/>
        <source>“%1” is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="498"/>
        <source>“%1” is a draft again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="499"/>
        <source>“%1” is archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="512"/>
        <location filename="../app/mainwindow.cpp" line="515"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="513"/>
        <source>Delete “%1”? It disappears from every computer; an administrator can restore it within 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="519"/>
        <source>“%1” could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="523"/>
        <source>“%1” is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="551"/>
        <location filename="../app/mainwindow.cpp" line="559"/>
        <source>Remove articles from this computer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="552"/>
        <source>The server no longer has %1 of the %2 articles on this computer. This happens when the server was reset or replaced. Remove them here too?

Your own unsynced edits are kept either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="561"/>
        <source>Keep Them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="563"/>
        <source>Remove Them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="600"/>
        <source>%1 — Inkwell</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::MarkdownEditor</name>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="56"/>
        <source>Article text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="57"/>
        <source>Write in Markdown…</source>
        <translation type="unfinished">In Markdown schreiben …</translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="521"/>
        <source>Editor menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="543"/>
        <source>No suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="565"/>
        <source>Add &quot;%1&quot; to Dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/markdowneditor.cpp" line="573"/>
        <source>Ignore &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::MessageBanner</name>
    <message>
        <location filename="../app/admin/messagebanner.cpp" line="19"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/messagebanner.cpp" line="27"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/admin/messagebanner.cpp" line="30"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::MessageBody</name>
    <message>
        <location filename="../app/chat/messagebody.cpp" line="19"/>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagebody.cpp" line="105"/>
        <source>Code block copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagebody.cpp" line="127"/>
        <source>Copy code block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagebody.cpp" line="132"/>
        <source>Copy message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::MessageWidget</name>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="39"/>
        <location filename="../app/chat/messagewidget.cpp" line="79"/>
        <location filename="../app/chat/messagewidget.cpp" line="293"/>
        <source>Your message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="39"/>
        <location filename="../app/chat/messagewidget.cpp" line="293"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="49"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="49"/>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="51"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="54"/>
        <source>Message state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="58"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="95"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="100"/>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="103"/>
        <location filename="../app/chat/messagewidget.cpp" line="105"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="116"/>
        <source>Message actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="122"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="122"/>
        <source>Copy message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="125"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="125"/>
        <source>Edit question and send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="128"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="128"/>
        <source>Answer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="130"/>
        <source>Previous answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="133"/>
        <source>Answer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="135"/>
        <source>Next answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="144"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="218"/>
        <source>thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="218"/>
        <source>writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="222"/>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="226"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="230"/>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="230"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="235"/>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="235"/>
        <source>earlier answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="258"/>
        <source>The server asked to wait until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="261"/>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="279"/>
        <source>Answer %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/chat/messagewidget.cpp" line="281"/>
        <source>%n token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="283"/>
        <source>%1 tok/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/chat/messagewidget.cpp" line="287"/>
        <source>First words after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationBell</name>
    <message numerus="yes">
        <location filename="../app/notifications/notificationbell.cpp" line="110"/>
        <source>Notifications (%n unread)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationbell.cpp" line="110"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationbell.cpp" line="112"/>
        <source>Opens the list of notifications (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationDelegate</name>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="34"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="36"/>
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="38"/>
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="41"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="43"/>
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="144"/>
        <source>Unread notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="147"/>
        <source>Mark &amp;all as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="149"/>
        <source>Mark all notifications as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="150"/>
        <source>Mark all as read (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="155"/>
        <source>Notification list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="167"/>
        <source>You&apos;re all caught up.
New articles by authors you follow show up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="169"/>
        <source>No notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="175"/>
        <source>Mark as &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="177"/>
        <source>Mark the selected notification as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="178"/>
        <source>Mark as read (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="180"/>
        <source>Load &amp;older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="182"/>
        <source>Load older notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="207"/>
        <source>Mark as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="212"/>
        <source>Mark all as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/notificationlist.cpp" line="271"/>
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/notifications/notificationlist.cpp" line="271"/>
        <source>No unread notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::NotificationPopup</name>
    <message>
        <location filename="../app/notifications/notificationbell.cpp" line="56"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::OutlineModel</name>
    <message>
        <location filename="../app/editor/outlinemodel.cpp" line="115"/>
        <source>Heading level %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::OutlineView</name>
    <message>
        <location filename="../app/editor/outlineview.cpp" line="37"/>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::PreviewPane</name>
    <message>
        <location filename="../app/editor/previewpane.cpp" line="45"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/editor/previewpane.cpp" line="49"/>
        <source>Preview of the article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::RevisionHistoryView</name>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="87"/>
        <source>Revision history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="88"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="353"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="115"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="121"/>
        <source>About the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="123"/>
        <source>Every save on the server is a revision. Select one to see how your text differs from it; restoring one makes it your text again without losing any revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="130"/>
        <source>Revisions and comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="136"/>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="139"/>
        <source>&amp;Revisions on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="141"/>
        <source>Revisions on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="148"/>
        <source>Revisions, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="152"/>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="152"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="152"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="152"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="159"/>
        <source>History status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="164"/>
        <source>Try a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="166"/>
        <source>Try loading the history again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="168"/>
        <source>Load &amp;older revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="170"/>
        <source>Load older revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="181"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="184"/>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="188"/>
        <source>Title, excerpt and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="196"/>
        <source>Show the differences inline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="197"/>
        <source>&amp;Inline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="202"/>
        <source>Show the differences side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="203"/>
        <source>Side &amp;by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="214"/>
        <source>Lines changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="217"/>
        <source>&amp;Copy as unified diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="219"/>
        <source>Copy the differences as a unified diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="229"/>
        <source>Copy the text&apos;s differences as a unified diff (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="236"/>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="239"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="245"/>
        <source>Differences, inline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="242"/>
        <source>Select a revision to compare it with your text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="254"/>
        <source>Differences, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="275"/>
        <source>The revision&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="280"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="287"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="549"/>
        <source>Your text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="283"/>
        <source>Revision header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="285"/>
        <source>Your text header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="309"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="312"/>
        <source>Why restoring is not possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="315"/>
        <source>Re&amp;store this revision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="317"/>
        <source>Restore this revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="329"/>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="331"/>
        <source>Close the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="354"/>
        <source>This article is not in the library on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="359"/>
        <source>History of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="360"/>
        <source>History — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="363"/>
        <source>This article has not been on the server yet, so it has no history. It will once it has synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="402"/>
        <source>Loading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="402"/>
        <source>Loading older revisions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="423"/>
        <source>The server lists no revisions of this article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="436"/>
        <source>%1 · latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="458"/>
        <source>another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="464"/>
        <location filename="../app/compare/revisionhistoryview.cpp" line="547"/>
        <source>%1 compared with your text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="501"/>
        <source>Revision %1 (%2, by %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="502"/>
        <source>Revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="502"/>
        <source>Revision %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="522"/>
        <source>Fetching revision %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="534"/>
        <source>Revision %1 could not be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="550"/>
        <source>Your text (not synced yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="553"/>
        <source>(automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="556"/>
        <source>Title: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="558"/>
        <source>Excerpt: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="564"/>
        <source>added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="566"/>
        <source>removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="567"/>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="570"/>
        <source>Title, excerpt and tags: the same as yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="587"/>
        <source>The text of revision %1 is the same as yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="596"/>
        <source>No changes in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="599"/>
        <source>%n line(s) added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="600"/>
        <source>%n line(s) removed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/compare/revisionhistoryview.cpp" line="621"/>
        <source>Copied the differences as a unified diff (%n line(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="639"/>
        <source>Settle this article&apos;s conflict first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="641"/>
        <source>Your text is revision %1&apos;s already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="644"/>
        <source>Make this revision your text again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="647"/>
        <source>Select a revision to compare it with your text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="662"/>
        <source>The history is kept on the server, which cannot be reached right now. Your text is safe on this computer; try again when you are online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="664"/>
        <source>This revision is on the server, which cannot be reached right now. Try again when you are online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="670"/>
        <source>Your session has ended: sign in again to see the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="672"/>
        <source>The server does not let this account see the history of this article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="674"/>
        <source>The server does not have this article any more; it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="675"/>
        <source>The server does not have this revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="680"/>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="688"/>
        <source>Restore revision %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="689"/>
        <source>Your title, excerpt, tags and text become those of revision %1. They are saved here as your draft and sent to the server as a new revision with the next sync; every earlier revision, including the one you have now, stays in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="695"/>
        <source>Confirm restoring revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="697"/>
        <source>Your text has changes that are not on the server yet. They are replaced and will not be in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="699"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="718"/>
        <source>Restoring revision %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="723"/>
        <source>Revision %1 was not restored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compare/revisionhistoryview.cpp" line="728"/>
        <source>Revision %1 is your text again. It is saved on this computer and goes to the server as a new revision with the next sync; the earlier revisions stay in the history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::SignInDialog</name>
    <message>
        <location filename="../app/account/formparts.cpp" line="57"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/formparts.cpp" line="76"/>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/formparts.cpp" line="177"/>
        <source>12 to 128 characters. Any characters work, spaces too: a few unrelated words make a strong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/account/formparts.cpp" line="184"/>
        <source>Use at least 12 characters (this one has %n).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/account/formparts.cpp" line="187"/>
        <source>Use at most 128 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="33"/>
        <source>Sign in to Inkwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="45"/>
        <source>Sign-in steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="58"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="60"/>
        <source>Back to the first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="62"/>
        <location filename="../app/account/signindialog.cpp" line="64"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="89"/>
        <source>Waiting for your answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="101"/>
        <location filename="../app/account/signindialog.cpp" line="520"/>
        <location filename="../app/account/signindialog.cpp" line="540"/>
        <source>Creating your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="142"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="148"/>
        <location filename="../app/account/signindialog.cpp" line="319"/>
        <source>Welcome to Inkwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="151"/>
        <source>Inkwell keeps your writing on an Inkwell server and on this computer, so you can write offline too. How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="157"/>
        <location filename="../app/account/signindialog.cpp" line="162"/>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="158"/>
        <source>Sign in to an Inkwell server that you or your team already run, or create an account on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="165"/>
        <location filename="../app/account/signindialog.cpp" line="170"/>
        <source>Start a private server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="166"/>
        <source>For writing on your own: Inkwell runs its own server here, which only this computer can reach. You become its administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="174"/>
        <source>Not available: this copy of Inkwell came without its server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="187"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="199"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="200"/>
        <source>https://inkwell.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="203"/>
        <source>Server check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="205"/>
        <source>&amp;Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="210"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="212"/>
        <source>Problem with the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="213"/>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="218"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="219"/>
        <source>you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="221"/>
        <source>Problem with the email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="222"/>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="226"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="230"/>
        <source>Password rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="232"/>
        <source>Problem with the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="233"/>
        <source>S&amp;how password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="235"/>
        <source>Show password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="237"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="239"/>
        <source>&amp;Keep the server running after Inkwell closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="241"/>
        <source>Keep the server running after Inkwell closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="243"/>
        <source>Otherwise the server stops when you quit Inkwell and starts again with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="244"/>
        <source>About keeping the server running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="268"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="273"/>
        <source>What is happening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="280"/>
        <source>Why signing in did not work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="347"/>
        <source>Sign in — Inkwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="348"/>
        <location filename="../app/account/signindialog.cpp" line="350"/>
        <location filename="../app/account/signindialog.cpp" line="351"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="349"/>
        <source>Enter the address of your Inkwell server and your account&apos;s email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="352"/>
        <source>New here? Create an &amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="353"/>
        <source>Create an account instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="357"/>
        <source>Create an account — Inkwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="358"/>
        <source>Create your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="360"/>
        <source>Your account lives on the server you connect to. The first account on a new server manages it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="361"/>
        <location filename="../app/account/signindialog.cpp" line="362"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="363"/>
        <source>Already have an account? Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="364"/>
        <source>Sign in instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="365"/>
        <location filename="../app/account/signindialog.cpp" line="374"/>
        <source>At least 12 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="368"/>
        <source>Private server — Inkwell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="369"/>
        <source>Start a private server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="370"/>
        <source>Inkwell starts its own server on this computer and creates your account on it. You are its administrator; only this computer can reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="372"/>
        <source>Start server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="373"/>
        <source>Start the private server and create the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="435"/>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="444"/>
        <source>Something answers at this address, but it is not an Inkwell server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="450"/>
        <source>An Inkwell server answers at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="451"/>
        <source>Inkwell server %1 answers at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="454"/>
        <source>The connection is not encrypted: your password would travel readable by others on the network. Use https:// if the server offers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="487"/>
        <source>Enter your name as others should see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="490"/>
        <source>Enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="492"/>
        <source>This does not look like an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="495"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="513"/>
        <location filename="../app/account/signindialog.cpp" line="593"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/signindialog.cpp" line="536"/>
        <source>Starting the server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::SyncIndicator</name>
    <message>
        <location filename="../app/window/syncindicator.cpp" line="34"/>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/syncindicator.cpp" line="37"/>
        <source>Sync now (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/window/syncindicator.cpp" line="69"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::TextPane</name>
    <message>
        <location filename="../app/compare/textpane.cpp" line="21"/>
        <source>Line numbers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::TokenStoreDialog</name>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="20"/>
        <source>No keyring available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="21"/>
        <source>Where to keep your sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="29"/>
        <source>Where should Inkwell keep your sign-in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="34"/>
        <source>Inkwell keeps your sign-in in your system&apos;s keyring, where it is encrypted. No keyring works on this computer right now, so you decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="39"/>
        <source>Why: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="40"/>
        <source>Why no keyring works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="43"/>
        <source>Keep it for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="44"/>
        <source>Nothing is written to disk. You sign in again each time you start Inkwell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="48"/>
        <source>Keep the sign-in for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="54"/>
        <source>Keep it in a file only you can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="55"/>
        <source>Not encrypted: anyone who can read your files or your backups can use it to act as you. Stored in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="59"/>
        <source>Keep the sign-in in an unencrypted file only you can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="64"/>
        <source>Do&amp;n&apos;t sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/account/tokenstoredialog.cpp" line="66"/>
        <source>Don&apos;t sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::app::TrayNotifier</name>
    <message numerus="yes">
        <location filename="../app/notifications/traynotifier.cpp" line="63"/>
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/notifications/traynotifier.cpp" line="65"/>
        <source>%n new notifications</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inkwell::app::comparetext</name>
    <message>
        <location filename="../app/compare/comparetext.cpp" line="26"/>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AccountInfo</name>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="72"/>
        <source>Enter the server&apos;s address, for example https://inkwell.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="74"/>
        <source>A server address has no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="85"/>
        <source>&quot;%1&quot; is not a server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="88"/>
        <source>Inkwell talks to servers over http:// or https://, not %1://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="90"/>
        <source>Leave the user name and password out of the address; enter them below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountinfo.cpp" line="92"/>
        <source>A server address ends before any &quot;?&quot; or &quot;#&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AccountSession</name>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="40"/>
        <source>The server is not answering yet; working offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="139"/>
        <source>Your sign-in could not be read from %1 (%2). Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="176"/>
        <source>The server cannot be reached; working offline. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="232"/>
        <source>The place for your sign-in went away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="289"/>
        <source>Inkwell has no place to keep your sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="306"/>
        <source>the system keyring does not work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="315"/>
        <source>No keyring works on this computer (%1), so Inkwell cannot keep your sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="411"/>
        <source>You are signed out on this computer, but the server could not be told (%1). The session ends there when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="443"/>
        <source>Sign in before changing your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="508"/>
        <source>The server cannot be reached; working offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="570"/>
        <source>Your sign-in could not be saved in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/accountsession.cpp" line="571"/>
        <source>Your sign-in could not be removed from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AdminUsersModel</name>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="14"/>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="16"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="18"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="62"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="62"/>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="67"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="114"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="116"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="118"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="120"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="122"/>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="124"/>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/adminusersmodel.cpp" line="126"/>
        <source>Joined</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AiAvailability</name>
    <message>
        <location filename="../app/engine/aiavailability.cpp" line="32"/>
        <source>This server has no AI provider set up, so the assistant cannot answer. An administrator can configure one (INKWELL_AI_PROVIDER) and restart the server; your conversations stay readable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AssistSession</name>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="34"/>
        <source>in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="37"/>
        <source>in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="38"/>
        <source>in %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="95"/>
        <source>The AI provider did not pass the server&apos;s last check; assists may fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="108"/>
        <source>The AI provider does not answer the server&apos;s check right now; assists may fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="160"/>
        <source>Checking whether this server offers AI assists…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="162"/>
        <source>The server cannot be reached; AI assists need a connection to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="164"/>
        <source>This server has no AI provider; ask its administrator to set INKWELL_AI_PROVIDER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="167"/>
        <source>AI assists are for creators and administrators, and your account is a viewer; ask an administrator for the creator role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="170"/>
        <source>The server does not let your account use AI assists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="171"/>
        <source>The server does not let your account use AI assists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="213"/>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/assistsession.cpp" line="214"/>
        <source>%1 of %2 token(s) left today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="257"/>
        <source>Too many requests; try again in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="261"/>
        <source>AI quota used up; it resets at %1 UTC (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/assistsession.cpp" line="318"/>
        <source>The server ended the stream before the article was complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::AuditLogModel</name>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="81"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="132"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="134"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="136"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="138"/>
        <source>Affected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="140"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="142"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="153"/>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="155"/>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="157"/>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="159"/>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="161"/>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="163"/>
        <source>Stolen session token used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="165"/>
        <source>Role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="167"/>
        <source>Account activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="169"/>
        <source>Account deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="171"/>
        <source>Administrator created on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="173"/>
        <source>Article deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/auditlogmodel.cpp" line="175"/>
        <source>Article restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::FileSecretStore</name>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="296"/>
        <source>a file readable only by you, stored unencrypted (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="307"/>
        <source>The file is too big.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="314"/>
        <source>The file is not an Inkwell secrets file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="319"/>
        <source>A secret is not text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="330"/>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="352"/>
        <location filename="../app/engine/secretstore.cpp" line="360"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="357"/>
        <source>Cannot make %1 private: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="366"/>
        <source>%1 could not be made readable only by you; it was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="385"/>
        <location filename="../app/engine/secretstore.cpp" line="390"/>
        <source>No secret is stored under this name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::HealthMonitor</name>
    <message>
        <location filename="../app/engine/healthmonitor.cpp" line="65"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished">Verbinde mit %1 …</translation>
    </message>
    <message>
        <location filename="../app/engine/healthmonitor.cpp" line="66"/>
        <source>Server %1 is healthy (version %2)</source>
        <translation type="unfinished">Server %1 ist bereit (Version %2)</translation>
    </message>
    <message>
        <location filename="../app/engine/healthmonitor.cpp" line="67"/>
        <source>Server %1 answers, but its database does not</source>
        <translation type="unfinished">Server %1 antwortet, seine Datenbank aber nicht</translation>
    </message>
    <message>
        <location filename="../app/engine/healthmonitor.cpp" line="68"/>
        <source>Server %1 is unreachable; working offline</source>
        <translation type="unfinished">Server %1 ist nicht erreichbar; offline weiterarbeiten</translation>
    </message>
</context>
<context>
    <name>inkwell::engine::KeychainSecretStore</name>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="152"/>
        <source>No keyring is running (no Secret Service on D-Bus): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="193"/>
        <source>the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="238"/>
        <source>The keyring returned something else than what was stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::MemorySecretStore</name>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="257"/>
        <source>this session only (you sign in again after quitting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="264"/>
        <source>No secret is stored under this name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::MessageListModel</name>
    <message>
        <location filename="../app/engine/messagelistmodel.cpp" line="26"/>
        <source>This answer broke off before it was complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::NotificationCenter</name>
    <message>
        <location filename="../app/engine/notificationcenter.cpp" line="288"/>
        <source>The notification could not be marked as read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/notificationcenter.cpp" line="322"/>
        <source>The notifications could not be marked as read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/notificationcenter.cpp" line="450"/>
        <source>Your session has ended; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::PrivateServer</name>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="235"/>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="244"/>
        <source>Connecting to the private server that kept running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="256"/>
        <location filename="../app/engine/privateserver.cpp" line="464"/>
        <source>The private server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="262"/>
        <source>Restarting the private server, which stopped answering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="291"/>
        <source>The Inkwell server program (inkwelld) was not found beside Inkwell or on the PATH. Install the Inkwell server package, or connect to a server instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="296"/>
        <source>%1 is not a program that can be run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="299"/>
        <source>Setting up the server for the first time; this takes a minute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="300"/>
        <source>Starting the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="362"/>
        <location filename="../app/engine/privateserver.cpp" line="411"/>
        <source>%1 could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="375"/>
        <source>The server stopped while starting (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="376"/>
        <location filename="../app/engine/privateserver.cpp" line="438"/>
        <source>The server stopped while starting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="380"/>
        <source>The private server stopped unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="381"/>
        <source>The private server stopped unexpectedly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="437"/>
        <source>The server stopped while starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/privateserver.cpp" line="443"/>
        <source>The server did not start within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="450"/>
        <source>Waiting for the server to answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/privateserver.cpp" line="469"/>
        <source>The server did not answer at %1 in time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::SecretStore</name>
    <message>
        <location filename="../app/engine/secretstore.cpp" line="71"/>
        <location filename="../app/engine/secretstore.cpp" line="81"/>
        <location filename="../app/engine/secretstore.cpp" line="91"/>
        <source>A secret needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::StoreDb</name>
    <message>
        <location filename="../app/engine/storedb.cpp" line="903"/>
        <source>The server&apos;s version changed again while you compared; compare with the newest one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/storedb.cpp" line="906"/>
        <source>This conflict was already settled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inkwell::engine::SyncEngine</name>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="27"/>
        <source>The local store failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="70"/>
        <location filename="../app/engine/syncengine.cpp" line="151"/>
        <location filename="../app/engine/syncengine.cpp" line="436"/>
        <source>Signed out: sign in again to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="156"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="328"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="443"/>
        <source>Sync paused: the server would remove most of your library. Sync again (Ctrl+S) to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="447"/>
        <source>%n conflict(s) to resolve</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="451"/>
        <source>%n draft(s) the server refused; open them to see why</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="456"/>
        <source>Synced at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="476"/>
        <source>Offline: retrying in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="476"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/engine/syncengine.cpp" line="478"/>
        <source>Sync failed: %1 Retrying in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="479"/>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="493"/>
        <source>This article is not in the library any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="497"/>
        <source>Resolve the conflict first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="503"/>
        <source>The article is not on the server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="507"/>
        <source>Your edits meet a different change made on the server; resolve the conflict first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="513"/>
        <source>The latest edits could not be saved to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="523"/>
        <source>The article changed on the server meanwhile; it is being updated. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/engine/syncengine.cpp" line="571"/>
        <source>The article changed on the server meanwhile; it is being updated. Look at it again before deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="19"/>
        <source>Inkwell desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="22"/>
        <source>Server address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
