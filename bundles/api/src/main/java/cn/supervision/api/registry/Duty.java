package cn.supervision.api.registry;

/** One numbered main duty of a three-determinations mandate (三定规定的主要职责). */
public record Duty(int number, String text) {
}
