// SPDX-License-Identifier: MIT
#include "models/source/xlsxstyles.h"

#include "models/source/xlsxpackage.h"

#include <QHash>

namespace sluice {

namespace {

int toInt(QByteArrayView text, int fallback)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok ? value : fallback;
}

class StylesHandler : public XmlSaxHandler
{
public:
    void startElement(const char *localName, const XmlAttributes &attributes) override
    {
        // mc:AlternateContent: read the Fallback, never the Choice, so an entry is not counted
        // twice (some writers wrap fonts or formats in it).
        if (isName(localName, "Choice")) {
            ++m_choiceDepth;
        } else if (m_choiceDepth > 0) {
            return;
        } else if (isName(localName, "numFmt")) {
            m_codes.insert(toInt(attributes.value("numFmtId"), -1),
                           QString::fromUtf8(attributes.text("formatCode")));
        } else if (isName(localName, "cellXfs")) {
            m_inCellXfs = true;
        } else if (m_inCellXfs && isName(localName, "xf")) {
            m_formatIds.push_back(toInt(attributes.value("numFmtId"), 0));
        }
    }

    void endElement(const char *localName) override
    {
        if (isName(localName, "Choice"))
            --m_choiceDepth;
        else if (m_choiceDepth == 0 && isName(localName, "cellXfs"))
            m_inCellXfs = false;
    }

    std::vector<NumberFormat::Kind> kinds() const
    {
        std::vector<NumberFormat::Kind> kinds;
        kinds.reserve(m_formatIds.size());
        for (int id : m_formatIds) {
            NumberFormat::Kind kind = NumberFormat::builtInKind(id);
            if (kind == NumberFormat::Kind::Number && m_codes.contains(id))
                kind = NumberFormat::codeKind(m_codes.value(id));
            kinds.push_back(kind);
        }
        return kinds;
    }

private:
    QHash<int, QString> m_codes;
    std::vector<int> m_formatIds;
    int m_choiceDepth = 0;
    bool m_inCellXfs = false;
};

} // namespace

QString XlsxStyles::load(XlsxPackage &package, const QString &partName)
{
    StylesHandler handler;
    const QString error = package.parsePart(partName, handler);
    if (error.isEmpty())
        m_kinds = handler.kinds();
    return error;
}

} // namespace sluice
