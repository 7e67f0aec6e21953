package cn.cppcc.consult.process;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The values of a submitted Camunda Form, read the way Tasklist sends them: primitives untyped (a
 * number may come as Integer, Long or Double, a flag as Boolean or "true"), an empty optional field
 * as null or "", lists and objects as {@code Json}. Every read is validated with a Chinese message
 * that Tasklist shows with the form ({@link FormFieldValidationException} is answered 400); a
 * failed read leaves the task open and nothing written.
 *
 * <p>The fields read are remembered so that {@link #discard()} can drop them from the process once
 * the listener has written them to the project's tables: the process keeps ids and flags only.
 */
public final class FormValues {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VariableScope scope;
    private final Set<String> read = new LinkedHashSet<>();

    private FormValues(VariableScope scope) {
        this.scope = scope;
    }

    public static FormValues of(VariableScope scope) {
        return new FormValues(scope);
    }

    private Fields fields() {
        return new Fields("", key -> {
            read.add(key);
            return scope.getVariable(key);
        });
    }

    public String text(String key, String label, int maxLength) {
        return fields().text(key, label, maxLength);
    }

    public String optionalText(String key, String label, int maxLength) {
        return fields().optionalText(key, label, maxLength);
    }

    public boolean flag(String key) {
        return fields().flag(key);
    }

    public int integer(String key, String label, int min, int max) {
        return fields().integer(key, label, min, max);
    }

    public Integer optionalInteger(String key, String label, int min, int max) {
        return fields().optionalInteger(key, label, min, max);
    }

    public boolean answer(String key, String label) {
        return fields().answer(key, label);
    }

    public <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
        return fields().choice(key, label, type);
    }

    public OffsetDateTime dateTime(String key, String label) {
        return fields().dateTime(key, label);
    }

    public OffsetDateTime optionalDateTime(String key, String label) {
        return fields().optionalDateTime(key, label);
    }

    /** A day (a date field), in Beijing time. */
    public LocalDate date(String key, String label) {
        return fields().date(key, label);
    }

    public List<Fields> rows(String key, String label) {
        return fields().rows(key, label);
    }

    public List<Long> ids(String key, String label) {
        return fields().ids(key, label);
    }

    /** Drops every field read so far from the process: its content now lives in the project's tables. */
    public void discard() {
        read.forEach(scope::removeVariable);
    }

    public static FormFieldValidationException invalid(String key, String message) {
        return new FormFieldValidationException(key, message);
    }

    /** Named values: the form's top level, or one entry of a dynamic list ("第2项的…" in messages). */
    public static final class Fields {

        private final String labelPrefix;
        private final Function<String, Object> source;

        Fields(String labelPrefix, Function<String, Object> source) {
            this.labelPrefix = labelPrefix;
            this.source = source;
        }

        private Object raw(String key) {
            Object value = source.apply(key);
            return value instanceof String s && s.isBlank() ? null : value;
        }

        public String text(String key, String label, int maxLength) {
            String value = optionalText(key, label, maxLength);
            if (value == null) {
                throw invalid(key, "请填写" + labelPrefix + label);
            }
            return value;
        }

        public String optionalText(String key, String label, int maxLength) {
            Object value = raw(key);
            if (value == null) {
                return null;
            }
            String text = value.toString().strip();
            if (text.codePointCount(0, text.length()) > maxLength) {
                throw invalid(key, labelPrefix + label + "不能超过" + maxLength + "个字");
            }
            return text;
        }

        public boolean flag(String key) {
            Object value = raw(key);
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            return switch (value.toString().strip().toLowerCase()) {
                case "true", "yes", "1", "是" -> true;
                case "false", "no", "0", "否" -> false;
                default -> throw invalid(key, labelPrefix + "“" + value + "”不是有效的是/否选项");
            };
        }

        /** A whole number from a number field (Tasklist sends Integer, Long or Double) or its text. */
        public int integer(String key, String label, int min, int max) {
            Integer value = optionalInteger(key, label, min, max);
            if (value == null) {
                throw invalid(key, "请填写" + labelPrefix + label);
            }
            return value;
        }

        public Integer optionalInteger(String key, String label, int min, int max) {
            Object value = raw(key);
            if (value == null) {
                return null;
            }
            long number;
            if (value instanceof Number n && n.doubleValue() == n.longValue()) {
                number = n.longValue();
            } else {
                try {
                    number = Long.parseLong(value.toString().strip());
                } catch (NumberFormatException e) {
                    throw invalid(key, labelPrefix + label + "须为整数");
                }
            }
            if (number < min || number > max) {
                throw invalid(key, labelPrefix + label + "须在" + min + "到" + max + "之间");
            }
            return (int) number;
        }

        /** A required yes/no answer: unlike {@link #flag}, a missing answer is an error. */
        public boolean answer(String key, String label) {
            if (raw(key) == null) {
                throw invalid(key, "请选择" + labelPrefix + label);
            }
            return flag(key);
        }

        public <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
            E value = optionalChoice(key, label, type);
            if (value == null) {
                throw invalid(key, "请选择" + labelPrefix + label);
            }
            return value;
        }

        public <E extends Enum<E>> E optionalChoice(String key, String label, Class<E> type) {
            Object value = raw(key);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toString().strip());
            } catch (IllegalArgumentException e) {
                throw invalid(key, labelPrefix + label + "的取值“" + value + "”无效");
            }
        }

        public <E extends Enum<E>> List<E> choices(String key, String label, Class<E> type) {
            List<E> result = new ArrayList<>();
            for (Object value : list(key, label)) {
                try {
                    result.add(Enum.valueOf(type, String.valueOf(value).strip()));
                } catch (IllegalArgumentException e) {
                    throw invalid(key, labelPrefix + label + "的取值“" + value + "”无效");
                }
            }
            return result;
        }

        /** A reference picked from a list (select or checklist): a number, or its text. */
        public Long id(String key, String label) {
            Object value = raw(key);
            if (value == null) {
                throw invalid(key, "请选择" + labelPrefix + label);
            }
            return toId(key, label, value);
        }

        public List<Long> ids(String key, String label) {
            return list(key, label).stream().map(value -> toId(key, label, value)).toList();
        }

        private Long toId(String key, String label, Object value) {
            if (value instanceof Number number && number.doubleValue() == number.longValue()) {
                return number.longValue();
            }
            try {
                return Long.valueOf(value.toString().strip());
            } catch (NumberFormatException e) {
                throw invalid(key, labelPrefix + label + "的取值“" + value + "”无效");
            }
        }

        public OffsetDateTime dateTime(String key, String label) {
            OffsetDateTime value = optionalDateTime(key, label);
            if (value == null) {
                throw invalid(key, "请填写" + labelPrefix + label);
            }
            return value;
        }

        public OffsetDateTime optionalDateTime(String key, String label) {
            Object value = raw(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Date date) {
                return date.toInstant().atZone(ZONE).toOffsetDateTime();
            }
            String text = value.toString().strip();
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(ZONE).toOffsetDateTime();
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(text).atStartOfDay(ZONE).toOffsetDateTime();
                    } catch (DateTimeParseException notDate) {
                        throw invalid(key, labelPrefix + label + "“" + text + "”不是有效的日期");
                    }
                }
            }
        }

        public LocalDate date(String key, String label) {
            return dateTime(key, label).atZoneSameInstant(ZONE).toLocalDate();
        }

        public LocalDate optionalDate(String key, String label) {
            OffsetDateTime value = optionalDateTime(key, label);
            return value == null ? null : value.atZoneSameInstant(ZONE).toLocalDate();
        }

        /** A dynamic list: each entry's fields, with messages that name the entry. */
        public List<Fields> rows(String key, String label) {
            List<Fields> rows = new ArrayList<>();
            List<Object> entries = list(key, label);
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                    throw invalid(key, labelPrefix + label + "的格式无效");
                }
                rows.add(new Fields(label + "第" + (i + 1) + "项的", field -> entry.get(field)));
            }
            return rows;
        }

        private List<Object> list(String key, String label) {
            Object value = raw(key);
            if (value == null) {
                return List.of();
            }
            try {
                String json = value instanceof SpinJsonNode node ? node.toString()
                        : value instanceof String s ? s
                        : JSON.writeValueAsString(value);
                List<Object> entries = JSON.readValue(json, new TypeReference<>() { });
                return entries == null ? List.of() : entries;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw invalid(key, labelPrefix + label + "的格式无效");
            }
        }
    }
}
