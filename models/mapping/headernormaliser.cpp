// SPDX-License-Identifier: MIT
#include "models/mapping/headernormaliser.h"

#include <QHash>

namespace sluice {

namespace {

// Abbreviations analysts write in headers, and the word the catalogue spells out.
const QHash<QString, QString> &abbreviations()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> map;
        const auto add = [&map](const char *words, const char *meaning) {
            for (const QString &word : QString::fromUtf8(words).split(u' '))
                map.insert(word, QString::fromUtf8(meaning));
        };
        add("qty qte qt quant qtty", "quantity");
        add("no nr num nbr nro n # nummer numero", "number");
        add("dt dte", "date");
        add("cust", "customer");
        add("prod", "product");
        add("loc", "location");
        add("desc descr", "description");
        add("cat", "category");
        add("subcat", "subcategory");
        add("amt", "amount");
        add("val", "value");
        add("curr ccy cur", "currency");
        add("whse wh", "warehouse");
        add("ref", "reference");
        add("ts", "timestamp");
        add("upd", "updated");
        add("mod", "modified");
        add("req reqd", "requested");
        add("exp", "expected");
        add("act", "actual");
        add("shp", "ship");
        add("ord", "order");
        add("ln", "line");
        add("pos", "position");
        add("min", "minimum");
        add("max", "maximum");
        add("avail", "available");
        add("ident identifier", "id");
        add("sold", "sale");
        return map;
    }();
    return table;
}

// Little words that join the meaningful ones in English, German, French and Spanish headers.
bool isFiller(const QString &word)
{
    static const QStringList fillers
        = QStringLiteral("of the de du des la le l d del el der die das").split(u' ');
    return fillers.contains(word);
}

QString foldAccents(QStringView text)
{
    QString folded;
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == u'ß')
            folded += u"ss";
        else
            folded += c;
    }
    return folded;
}

// A new word starts at "oD" in orderDate, at "Da" in "IDDate" and between letters and digits.
bool startsWord(const QString &text, qsizetype i)
{
    const QChar prev = text.at(i - 1);
    const QChar cur = text.at(i);
    if (prev.isLower() && cur.isUpper())
        return true;
    if (prev.isUpper() && cur.isUpper() && i + 1 < text.size() && text.at(i + 1).isLower())
        return true;
    return prev.isDigit() != cur.isDigit();
}

} // namespace

QStringList HeaderNormaliser::words(QStringView header)
{
    const QString text = foldAccents(header);
    QStringList result;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            result.append(word.toLower());
        word.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'#') {
            flush();
            result.append(QStringLiteral("#"));
        } else if (!c.isLetterOrNumber()) {
            flush();
        } else {
            if (!word.isEmpty() && startsWord(text, i))
                flush();
            word += c;
        }
    }
    flush();
    return result;
}

QStringList HeaderNormaliser::canonical(QStringView header)
{
    QStringList result;
    for (const QString &word : words(header)) {
        if (!isFiller(word))
            result.append(expand(word));
    }
    return result;
}

QStringList HeaderNormaliser::stems(QStringView header)
{
    QStringList result;
    for (const QString &word : canonical(header))
        result.append(stem(word));
    return result;
}

QString HeaderNormaliser::expand(const QString &word)
{
    return abbreviations().value(word, word);
}

QString HeaderNormaliser::stem(const QString &word)
{
    QString s = word;
    if (s.size() <= 3 || s.front().isDigit())
        return s;
    bool verbal = false;
    if (s.endsWith(u"ies")) {
        s.chop(3);
        s += u'y';
    } else if (s.endsWith(u"ing") && s.size() > 5) {
        s.chop(3);
        verbal = true;
    } else if (s.endsWith(u"ed") && s.size() > 4) {
        s.chop(2);
        verbal = true;
    } else if (s.endsWith(u's') && !s.endsWith(u"ss") && !s.endsWith(u"us") && !s.endsWith(u"is")) {
        s.chop(1);
    }
    // "shipp" (from shipped) → ship; "date"/"dated" → dat: both spellings must meet.
    if (verbal && s.size() > 3 && s.back() == s.at(s.size() - 2))
        s.chop(1);
    if (s.endsWith(u'e') && s.size() > 3)
        s.chop(1);
    return s;
}

} // namespace sluice
