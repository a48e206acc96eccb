// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace sluice {

class XlsxPackage;

// The shared strings of a workbook (xl/sharedStrings.xml) as UTF-8 in one buffer: rich-text runs
// joined, phonetic (rPh) runs left out, _xHHHH_ escapes decoded. One allocation per table rather
// than one QString per string keeps a 1M-string table near its text size.
class SharedStringTable
{
public:
    // Empty on success, else the reason (without the file name).
    QString load(XlsxPackage &package, const QString &partName, qint64 maxStringBytes);

    qsizetype size() const { return static_cast<qsizetype>(m_ends.size()); }
    // Inline: called for every shared-string cell of a sheet.
    QByteArrayView at(qsizetype index) const
    {
        if (index < 0 || index >= size())
            return {};
        const auto i = static_cast<std::size_t>(index);
        const qsizetype begin = i == 0 ? 0 : m_ends[i - 1];
        return QByteArrayView(m_text.constData() + begin, m_ends[i] - begin);
    }

    void append(QByteArrayView text);

    // OOXML escapes characters XML cannot hold as _xHHHH_ (UTF-16 code units; _x005F_ is the
    // underscore itself). Returns the text with them decoded.
    static QByteArray decodeEscapes(QByteArrayView text);
    static bool mayHaveEscapes(QByteArrayView text) { return text.contains("_x"); }

private:
    QByteArray m_text;
    std::vector<qsizetype> m_ends;
};

} // namespace sluice
