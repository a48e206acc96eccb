// SPDX-License-Identifier: MIT
#include "models/upload/uploadoutcome.h"

namespace sluice {

QString rowOutcomeName(RowOutcome outcome)
{
    switch (outcome) {
    case RowOutcome::NotSent:
        return QStringLiteral("not sent");
    case RowOutcome::Accepted:
        return QStringLiteral("accepted");
    case RowOutcome::Rejected:
        return QStringLiteral("rejected");
    case RowOutcome::Uncertain:
        return QStringLiteral("uncertain");
    case RowOutcome::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString batchStatusName(BatchStatus status)
{
    switch (status) {
    case BatchStatus::Acknowledged:
        return QStringLiteral("acknowledged");
    case BatchStatus::Failed:
        return QStringLiteral("failed");
    case BatchStatus::Uncertain:
        return QStringLiteral("uncertain");
    case BatchStatus::GaveUp:
        return QStringLiteral("gave-up");
    case BatchStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

ServerRowError ServerRowError::fromJson(const QJsonObject &object)
{
    return {object.value(QLatin1String("code")).toString(),
            object.value(QLatin1String("category")).toString(),
            object.value(QLatin1String("column")).toString(),
            object.value(QLatin1String("message")).toString()};
}

QList<ServerRowError> ServerRowError::listFromJson(const QJsonArray &array)
{
    QList<ServerRowError> errors;
    for (const QJsonValue &value : array)
        errors.append(fromJson(value.toObject()));
    return errors;
}

QJsonArray ServerRowError::toJson(const QList<ServerRowError> &errors)
{
    QJsonArray list;
    for (const ServerRowError &error : errors) {
        list.append(QJsonObject {{QStringLiteral("code"), error.code},
                                 {QStringLiteral("category"), error.category},
                                 {QStringLiteral("column"), error.column},
                                 {QStringLiteral("message"), error.message}});
    }
    return list;
}

} // namespace sluice
