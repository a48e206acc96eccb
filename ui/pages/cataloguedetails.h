// SPDX-License-Identifier: MIT
#pragma once

#include "models/schema/catalogue.h"

#include <QCoreApplication>
#include <QString>

namespace sluice {

// Rich-text descriptions of catalogue items for the details pane.
class CatalogueDetails
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueDetails)

public:
    // What the pane says before anything is selected.
    static QString overviewHtml();
    static QString solutionHtml(const Catalogue &catalogue, const Solution &solution);
    // highlightedAttribute: the attribute row the user selected, shown in bold; may be empty.
    static QString resourceHtml(const Catalogue &catalogue, const Resource &resource,
                                const QString &highlightedAttribute = {});
};

} // namespace sluice
