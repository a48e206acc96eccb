// SPDX-License-Identifier: MIT
#include "app/sandbox/sandboxjson.h"

#include <QChar>

#include <cstring>

namespace sluice {

namespace {

// Deeper documents are refused rather than risk the stack.
constexpr int MaxDepth = 256;

using Kind = SandboxJsonValue::Kind;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The text of a checked string (between its quotes) with its escapes resolved.
QString decodeString(QByteArrayView inner)
{
    QString text;
    text.reserve(inner.size());
    qsizetype run = 0;
    qsizetype i = 0;
    while (i < inner.size()) {
        if (inner[i] != '\\') {
            ++i;
            continue;
        }
        text.append(QString::fromUtf8(inner.sliced(run, i - run)));
        const char c = inner[i + 1];
        i += 2;
        switch (c) {
        case 'b':
            text.append(u'\b');
            break;
        case 'f':
            text.append(u'\f');
            break;
        case 'n':
            text.append(u'\n');
            break;
        case 'r':
            text.append(u'\r');
            break;
        case 't':
            text.append(u'\t');
            break;
        case 'u': {
            int unit = 0;
            for (qsizetype k = 0; k < 4; ++k)
                unit = unit * 16 + hexValue(inner[i + k]);
            text.append(QChar(static_cast<char16_t>(unit)));
            i += 4;
            break;
        }
        default: // " \ /
            text.append(QLatin1Char(c));
        }
        run = i;
    }
    text.append(QString::fromUtf8(inner.sliced(run)));
    return text;
}

class Parser
{
public:
    // Raw pointers rather than QByteArrayView::operator[]: this loop also runs in debug builds,
    // where every accessor is a call.
    Parser(QByteArrayView in, int keepDepth)
        : m_begin(in.data())
        , m_end(in.data() + in.size())
        , m_p(in.data())
        , m_keepDepth(keepDepth)
    {}

    Result<SandboxJsonValue> parseDocument()
    {
        SandboxJsonValue root;
        skipSpace();
        if (!parseValue(root, 0))
            return Error {m_error};
        skipSpace();
        if (m_p != m_end)
            return Error {errorAt(QStringLiteral("unexpected text after the document"))};
        return root;
    }

private:
    QString errorAt(const QString &what) const
    {
        return QStringLiteral("%1 at offset %2").arg(what).arg(m_p - m_begin);
    }

    bool fail(const QString &what)
    {
        if (m_error.isEmpty())
            m_error = errorAt(what);
        return false;
    }

    bool atEnd() const { return m_p >= m_end; }
    char peek() const { return atEnd() ? '\0' : *m_p; }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool parseValue(SandboxJsonValue &out, int depth)
    {
        const char *start = m_p;
        bool ok = false;
        switch (peek()) {
        case '{':
            ok = parseObject(out, depth);
            break;
        case '[':
            ok = parseArray(out, depth);
            break;
        case '"':
            out.kind = Kind::String;
            ok = parseString(&out.escaped);
            break;
        case 't':
            out.kind = Kind::Boolean;
            out.boolean = true;
            ok = parseWord("true");
            break;
        case 'f':
            out.kind = Kind::Boolean;
            ok = parseWord("false");
            break;
        case 'n':
            out.kind = Kind::Null;
            ok = parseWord("null");
            break;
        default:
            out.kind = Kind::Number;
            ok = parseNumber();
        }
        out.text = QByteArrayView(start, m_p - start);
        return ok;
    }

    bool parseWord(QByteArrayView word)
    {
        if (m_end - m_p >= word.size() && std::memcmp(m_p, word.data(), size_t(word.size())) == 0) {
            m_p += word.size();
            return true;
        }
        return fail(QStringLiteral("unexpected character"));
    }

    bool skipDigits()
    {
        const char *start = m_p;
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
        return m_p > start;
    }

    bool parseNumber()
    {
        if (peek() == '-')
            ++m_p;
        if (peek() == '0')
            ++m_p;
        else if (!skipDigits())
            return fail(QStringLiteral("unexpected character"));
        if (peek() == '.') {
            ++m_p;
            if (!skipDigits())
                return fail(QStringLiteral("a digit must follow the decimal point"));
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_p;
            if (peek() == '+' || peek() == '-')
                ++m_p;
            if (!skipDigits())
                return fail(QStringLiteral("a digit must follow the exponent"));
        }
        return true;
    }

    bool parseEscape()
    {
        const char c = peek();
        if (c == 'u') {
            for (qsizetype i = 1; i <= 4; ++i) {
                if (m_end - m_p <= i || hexValue(m_p[i]) < 0)
                    return fail(QStringLiteral("bad \\u escape"));
            }
            m_p += 5;
            return true;
        }
        if (!QByteArrayView("\"\\/bfnrt").contains(c) || c == '\0')
            return fail(QStringLiteral("bad escape"));
        ++m_p;
        return true;
    }

    // Checks a string; decoding waits until someone asks (decodeString).
    bool parseString(bool *escaped)
    {
        ++m_p; // the opening quote
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c == '\\') {
                *escaped = true;
                ++m_p;
                if (!parseEscape())
                    return false;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                return fail(QStringLiteral("control character in a string"));
            } else {
                ++m_p;
            }
        }
        return fail(QStringLiteral("unterminated string"));
    }

    bool parseObject(SandboxJsonValue &out, int depth)
    {
        out.kind = Kind::Object;
        if (depth >= MaxDepth)
            return fail(QStringLiteral("nested too deeply"));
        const bool keep = depth < m_keepDepth;
        if (keep)
            out.members.reserve(16); // a row of a typical table, without regrowing
        ++m_p;
        skipSpace();
        if (peek() == '}') {
            ++m_p;
            return true;
        }
        while (true) {
            if (peek() != '"')
                return fail(QStringLiteral("expected a member name"));
            SandboxJsonMember member;
            const char *keyStart = m_p + 1;
            if (!parseString(&member.keyEscaped))
                return false;
            member.key = QByteArrayView(keyStart, m_p - 1 - keyStart);
            skipSpace();
            if (peek() != ':')
                return fail(QStringLiteral("expected ':'"));
            ++m_p;
            skipSpace();
            if (!parseValue(member.value, depth + 1))
                return false;
            if (keep)
                out.members.push_back(std::move(member));
            skipSpace();
            const char next = peek();
            ++m_p;
            if (next == '}')
                return true;
            if (next != ',') {
                --m_p;
                return fail(QStringLiteral("expected ',' or '}'"));
            }
            skipSpace();
        }
    }

    bool parseArray(SandboxJsonValue &out, int depth)
    {
        out.kind = Kind::Array;
        if (depth >= MaxDepth)
            return fail(QStringLiteral("nested too deeply"));
        const bool keep = depth < m_keepDepth;
        ++m_p;
        skipSpace();
        if (peek() == ']') {
            ++m_p;
            return true;
        }
        while (true) {
            SandboxJsonValue element;
            if (!parseValue(element, depth + 1))
                return false;
            if (keep)
                out.elements.push_back(std::move(element));
            skipSpace();
            const char next = peek();
            ++m_p;
            if (next == ']')
                return true;
            if (next != ',') {
                --m_p;
                return fail(QStringLiteral("expected ',' or ']'"));
            }
            skipSpace();
        }
    }

    const char *m_begin;
    const char *m_end;
    const char *m_p;
    int m_keepDepth;
    QString m_error;
};

} // namespace

QString SandboxJsonValue::toString() const
{
    return escaped ? decodeString(inner()) : QString::fromUtf8(inner());
}

QByteArray SandboxJsonValue::utf8() const
{
    if (escaped)
        return toString().toUtf8();
    const QByteArrayView bytes = inner();
    return QByteArray::fromRawData(bytes.data(), bytes.size());
}

const SandboxJsonValue *SandboxJsonValue::member(QByteArrayView key) const
{
    for (auto it = members.crbegin(); it != members.crend(); ++it) {
        if (it->keyEscaped ? it->name() == QString::fromUtf8(key) : it->key == key)
            return &it->value;
    }
    return nullptr;
}

QString SandboxJsonMember::name() const
{
    return keyEscaped ? decodeString(key) : QString::fromUtf8(key);
}

Result<SandboxJsonValue> SandboxJsonReader::read(QByteArrayView document, int keepDepth)
{
    if (!document.isValidUtf8())
        return Error {QStringLiteral("the text is not valid UTF-8")};
    return Parser(document, keepDepth).parseDocument();
}

QByteArray SandboxJsonReader::quote(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray quoted;
    quoted.reserve(utf8.size() + 2);
    quoted.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"':
            quoted.append("\\\"");
            break;
        case '\\':
            quoted.append("\\\\");
            break;
        case '\n':
            quoted.append("\\n");
            break;
        case '\r':
            quoted.append("\\r");
            break;
        case '\t':
            quoted.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                quoted.append("\\u00").append(
                    QByteArray::number(int(c), 16).rightJustified(2, '0'));
            else
                quoted.append(c);
        }
    }
    quoted.append('"');
    return quoted;
}

} // namespace sluice
