<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Catalogue</name>
    <message>
        <source>Built-in catalogue</source>
        <translation>Eingebauter Katalog</translation>
    </message>
    <message>
        <source>%1: cannot open the catalogue: %2</source>
        <translation>%1: Katalog kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>CatalogueDetails</name>
    <message>
        <source>not documented</source>
        <translation>nicht dokumentiert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>eines von: %1</translation>
    </message>
    <message>
        <source>references %1</source>
        <translation>verweist auf %1</translation>
    </message>
    <message>
        <source>%1 (key)</source>
        <translation>%1 (Schlüssel)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>Pflicht</translation>
    </message>
    <message>
        <source>Solution id</source>
        <translation>Lösungs-ID</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Table prefix</source>
        <translation>Tabellenpräfix</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>Table suffix</source>
        <translation>Tabellensuffix</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Resource id</source>
        <translation>Ressourcen-ID</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>Recommended operation</source>
        <translation>Empfohlene Operation</translation>
    </message>
    <message>
        <source>not documented (UPSERT is preselected)</source>
        <translation>nicht dokumentiert (UPSERT ist vorausgewählt)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Attributes (%1)&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Attribute (%1)&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th&gt;Name&lt;/th&gt;&lt;th&gt;Type&lt;/th&gt;&lt;th&gt;Required&lt;/th&gt;&lt;th&gt;Details&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;Name&lt;/th&gt;&lt;th&gt;Typ&lt;/th&gt;&lt;th&gt;Pflicht&lt;/th&gt;&lt;th&gt;Details&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Notes&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Hinweise&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Resource catalogue&lt;/h2&gt;&lt;p&gt;Every solution and resource the Data Ingestion API accepts, with the attributes, types, keys and allowed values of each.&lt;/p&gt;&lt;p&gt;Select a resource to see its table name, endpoint, primary key and attributes. Type in the search field (Ctrl+F) to find a resource or an attribute by name or description; several words narrow the search, e.g. &lt;i&gt;orders date&lt;/i&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solutionName</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Note:&lt;/b&gt; the documentation does not give this solution&apos;s name, prefix and suffix; these are a guess. Check them with your tenant.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Incomplete:&lt;/b&gt; the public documentation of this resource was cut short; it may have more attributes than listed here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueReader</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at %2: %3</source>
        <translation>%1: kein gültiges JSON bei %2: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true, false or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a non-empty list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id &apos;%1&apos; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solution &apos;%1&apos; is not in &apos;solutions&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object &apos;%1&apos; must be upper-case letters, digits and &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id must be &apos;%1.%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recommendedOperation &apos;%1&apos; must be UPSERT, APPEND or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attribute name &apos;%1&apos; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type &apos;%1&apos; (expected one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;primaryKey&apos; must name at least one attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary key attribute &apos;%1&apos; is not among the attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; has primaryKey=%2 but the resource&apos;s primaryKey is [%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; references &apos;%2&apos;, which is not in the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schemaSameAs &apos;%1&apos; is not in the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>&apos;%1&apos; is not a cluster name (letters, digits and &apos;-&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid host URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a host URL carries no query, fragment or user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: plain http is allowed only for this computer (localhost); use https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the scheme must be https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path template &apos;%1&apos; must start with &apos;/&apos; and contain {table} once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a table name (letters, digits and &apos;_&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueParser</name>
    <message>
        <source>%1 is %2 bytes long in UTF-8; the API takes at most %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a boolean; write true/false, yes/no, y/n, t/f, 1/0 or on/off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a time of day (%2); a date attribute takes a date only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at character %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 JSON values separated by commas; a json attribute takes one value (wrap them in [ ])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the group separator %1 is misplaced; digit groups before the decimal separator have exactly three digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second decimal separator &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exponent has no digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a finite number; the API takes finite numbers only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a fraction; an integer attribute takes whole numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside the 64-bit integer range (-9223372036854775808 to 9223372036854775807)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for a float (the largest is about 1.8e+308)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too close to zero for a float (the smallest is about 4.9e-324)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 significant digits; this numeric attribute takes at most %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 digits after the decimal point; this numeric attribute takes at most %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid date: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid timestamp: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected %1 at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not in a date format Sluice reads; write dates like 2025-01-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not in a timestamp format Sluice reads; write timestamps like 2025-01-31 10:30:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year %1 is out of range (0001–9999)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month %1 is out of range (1–12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day %1 is out of range (1–31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 has no day %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither %1 nor %2 can be a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 is neither a day nor a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could be either %1 (day/month/year) or %2 (month/day/year); choose a day order in the import settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the year %1 must have two or four digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a month name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has a time of day but no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could be year-first or year-last; with the year/month/day order write the year with four digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time needs hours and minutes, like 10:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the minutes need two digits, like 10:05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the seconds need two digits, like 10:05:09</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fraction of a second has more than nine digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has fractional seconds (.%1); the API takes whole seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hour %1 is out of range with AM/PM (1–12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hour %1 is out of range (0–23)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minute %1 is out of range (0–59)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second %1 is out of range (0–59)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time zone &apos;%1&apos; is not supported; write Z or an offset such as +05:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the offset must look like +05:30, +0530 or +05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset hour %1 is out of range (0–14)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset minute %1 is out of range (0–59)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no digits; write dates like 2025-01-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no digits; write timestamps like 2025-01-31 10:30:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a plain number, not a date; it may be an Excel serial day number, which is read as a date only from a number cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2, not a %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as an Excel serial day number it comes before %1, the first Excel date (serial %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as an Excel serial day number it comes after 9999-12-31 (serial %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel serial day 60 is 29 February 1900, a day that never existed (Excel counts 1900 as a leap year)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Sluice: load spreadsheets into the Data Ingestion API (v2).</source>
        <translation>Sluice: Tabellen in die Data Ingestion API (v2) laden.</translation>
    </message>
    <message>
        <source>Use the resource catalogue in FILE.</source>
        <translation>Den Ressourcenkatalog aus DATEI verwenden.</translation>
    </message>
</context>
<context>
    <name>sluice::Application</name>
    <message>
        <source>Sluice uses its built-in catalogue.</source>
        <translation>Sluice verwendet den eingebauten Katalog.</translation>
    </message>
    <message>
        <source>Catalogue not loaded</source>
        <translation>Katalog nicht geladen</translation>
    </message>
    <message>
        <source>Sluice keeps the catalogue it had.</source>
        <translation>Sluice behält den bisherigen Katalog.</translation>
    </message>
</context>
<context>
    <name>sluice::CatalogueModel</name>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>required</source>
        <translation>Pflicht</translation>
    </message>
    <message>
        <source>required?</source>
        <translation>Pflicht?</translation>
    </message>
    <message>
        <source>nullable</source>
        <translation>darf null sein</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>eines von: %1</translation>
    </message>
    <message>
        <source>solution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>naming not documented</source>
        <translation>Benennung nicht dokumentiert</translation>
    </message>
    <message>
        <source>attribute list incomplete</source>
        <translation>Attributliste unvollständig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sluice::CataloguePage</name>
    <message>
        <source>Search solutions, resources and attributes</source>
        <translation>Lösungen, Ressourcen und Attribute durchsuchen</translation>
    </message>
    <message>
        <source>Search the catalogue</source>
        <translation>Katalog durchsuchen</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 resources</source>
        <translation>%1 Ressourcen</translation>
    </message>
    <message>
        <source>%1 of %2 resources match</source>
        <translation>%1 von %2 Ressourcen passen</translation>
    </message>
</context>
<context>
    <name>sluice::MainWindow</name>
    <message>
        <source>Sluice</source>
        <translation>Sluice</translation>
    </message>
    <message>
        <source>%1, version %2: %3 solutions, %4 resources</source>
        <translation>%1, Version %2: %3 Lösungen, %4 Ressourcen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Catalogue…</source>
        <translation>&amp;Katalog öffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Sluice</source>
        <translation>Ü&amp;ber Sluice</translation>
    </message>
    <message>
        <source>Open Resource Catalogue</source>
        <translation>Ressourcenkatalog öffnen</translation>
    </message>
    <message>
        <source>Catalogue (*.json);;All files (*)</source>
        <translation>Katalog (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Sluice</source>
        <translation>Über Sluice</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sluice %1&lt;/h3&gt;&lt;p&gt;Loads spreadsheets into the Data Ingestion API (v2) of the Supply Chain &amp;amp; Retail Solutions platform.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
