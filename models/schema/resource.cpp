// SPDX-License-Identifier: MIT
#include "models/schema/resource.h"

namespace sluice {

qsizetype Resource::attributeIndex(QStringView name) const
{
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        if (QStringView(attributes[i].name).compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

const Attribute *Resource::attribute(QStringView name) const
{
    const qsizetype index = attributeIndex(name);
    return index < 0 ? nullptr : &attributes[index];
}

QList<const Attribute *> Resource::requiredAttributes() const
{
    QList<const Attribute *> required;
    for (const Attribute &attribute : attributes) {
        if (attribute.isRequired())
            required.append(&attribute);
    }
    return required;
}

} // namespace sluice
