<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>inkwell::app::HealthMonitor</name>
    <message>
        <location filename="../app/healthmonitor.cpp" line="65"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <location filename="../app/healthmonitor.cpp" line="66"/>
        <source>Server %1 is healthy (version %2)</source>
        <translation>Server %1 ist bereit (Version %2)</translation>
    </message>
    <message>
        <location filename="../app/healthmonitor.cpp" line="67"/>
        <source>Server %1 answers, but its database does not</source>
        <translation>Server %1 antwortet, seine Datenbank aber nicht</translation>
    </message>
    <message>
        <location filename="../app/healthmonitor.cpp" line="68"/>
        <source>Server %1 is unreachable; working offline</source>
        <translation>Server %1 ist nicht erreichbar; offline weiterarbeiten</translation>
    </message>
</context>
<context>
    <name>inkwell::app::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="27"/>
        <source>Inkwell</source>
        <translation>Inkwell</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="32"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="33"/>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="33"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="33"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="41"/>
        <source>Write in Markdown…</source>
        <translation>In Markdown schreiben …</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="82"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="84"/>
        <source>&amp;New Draft</source>
        <translation>&amp;Neuer Entwurf</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="87"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="90"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="91"/>
        <source>&amp;About Inkwell</source>
        <translation>Ü&amp;ber Inkwell</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="92"/>
        <source>About Inkwell</source>
        <translation>Über Inkwell</translation>
    </message>
    <message>
        <location filename="../app/mainwindow.cpp" line="93"/>
        <source>Inkwell %1 — a self-hosted AI writing platform.</source>
        <translation>Inkwell %1 – eine selbst gehostete KI-Schreibplattform.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="103"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/mainwindow.cpp" line="104"/>
        <source>%n min read</source>
        <translation>
            <numerusform>%n Min. Lesezeit</numerusform>
            <numerusform>%n Min. Lesezeit</numerusform>
        </translation>
    </message>
</context>
</TS>
