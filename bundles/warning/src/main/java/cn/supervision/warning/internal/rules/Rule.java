package cn.supervision.warning.internal.rules;

import java.util.List;

import cn.supervision.api.warning.WarningRule;

/** One warning rule over one jurisdiction's facts. Rules read, never write. */
public interface Rule {
    WarningRule id();

    List<Hit> evaluate(Facts facts);
}
