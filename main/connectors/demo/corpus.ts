/**
 * Words for the demo workspace: support requests as customers write them, in English and Russian.
 * `{order}`, `{amount}` and `{date}` are filled in by the generator.
 */
export type Lang = 'en' | 'ru';
export type TopicName = 'billing' | 'login' | 'delivery' | 'outage' | 'refund';

export interface Topic {
  subjects: string[];
  /** The first message of a ticket: `opening[i]` belongs to `subjects[i]`. */
  opening: string[];
  agentReplies: string[];
  followUps: string[];
  notes: string[];
}

export const corpus: Record<Lang, Record<TopicName, Topic>> = {
  en: {
    billing: {
      subjects: ['Charged twice for my subscription', 'Invoice shows the wrong VAT number', 'Why did my plan price go up?'],
      opening: [
        'Hi, I was charged {amount} twice on {date} for the same subscription. Please check and return the second payment.',
        'Hello, our last invoice has the old VAT number on it and our accountant cannot book it. Can you reissue it?',
        'Our plan went from {amount} to more this month and I did not see any notice. What changed?',
      ],
      agentReplies: [
        'Thanks for flagging this. I can see both payments on our side and have started the reversal of the duplicate; it usually reaches your card in 3–5 business days.',
        'I have reissued the invoice with the corrected details and attached it here. Sorry for the extra work this caused.',
      ],
      followUps: ['Thank you — I can see the pending reversal now.', 'Got it, the new invoice is fine.'],
      notes: ['Duplicate charge caused by the payment provider retry on {date}. Finance ticket FIN-2291.'],
    },
    login: {
      subjects: ["Can't log in after password reset", 'Two-factor code never arrives', 'Locked out of the admin account'],
      opening: [
        'I reset my password this morning and now the login page just says "invalid credentials". I need access today.',
        'The 2FA text message never arrives on my phone, so I cannot sign in. I tried five times.',
        'Our only admin account is locked after too many attempts and nobody else can unlock it.',
      ],
      agentReplies: [
        'I have cleared the lock on your account. Please try the reset link I just sent; it is valid for one hour.',
        'Text messages to your carrier were delayed this morning. I switched your account to authenticator-app codes; the set-up steps are in the link below.',
      ],
      followUps: ['That worked, I am in. Thanks!', 'Still the same error, unfortunately.'],
      notes: ['Account was locked after 10 failed attempts from an unknown IP; verified identity by phone.'],
    },
    delivery: {
      subjects: ['Where is my order {order}?', 'Parcel marked delivered but not received', 'Wrong item in my package'],
      opening: [
        'My order {order} was supposed to arrive on {date} and the tracking has not moved for four days.',
        'The tracking says delivered, but nothing was left at my door and my neighbours have nothing either.',
        'I ordered the blue kettle and received a toaster. Order {order}, delivered on {date}.',
      ],
      agentReplies: [
        'I checked with the carrier: the parcel was held at the local depot after a missed scan. It is back on the van and should reach you tomorrow.',
        'I am sorry about this. I have opened a claim with the carrier and sent a replacement by express; you will get a new tracking number by email.',
      ],
      followUps: ['Arrived today, all good.', 'Could you tell me the new tracking number?'],
      notes: ['Carrier claim CL-77812 opened; replacement shipped from the Leipzig warehouse.'],
    },
    outage: {
      subjects: ['Dashboard is down for our whole team', 'API returns 502 since this morning', 'Reports stuck on "processing"'],
      opening: [
        'None of us can open the dashboard since about 9:10, we just get a blank page. This is blocking our whole team.',
        'All calls to the orders API return 502 Bad Gateway since this morning. Our shop cannot take orders.',
        'Every report we start since {date} stays on "processing" forever. Month-end closing is blocked.',
      ],
      agentReplies: [
        'We confirmed an outage in one of our regions and engineers are on it. I will update you here as soon as it is resolved.',
        'The incident is resolved: a failed database failover caused the errors between 09:05 and 10:20. Everything is back to normal and we are adding an automatic check so it does not happen again.',
      ],
      followUps: ['Working again, thanks for the quick updates.', 'Any news? It is still down for us.'],
      notes: ['Linked to incident INC-412 (EU region failover). Engineering lead: Priya.'],
    },
    refund: {
      subjects: ['Refund request for order {order}', 'Cancelled within 14 days — refund please', 'Still waiting for my refund'],
      opening: [
        'I returned order {order} two weeks ago and have not received the refund of {amount} yet.',
        'I cancelled my plan within the 14-day trial period. Please refund the {amount} charged on {date}.',
        'You confirmed my refund of {amount} on {date}, but it is still not on my account. Please check.',
      ],
      agentReplies: [
        'Your return was received and the refund of {amount} was issued today. Depending on your bank it takes 3–10 business days.',
        'I have processed the refund for the cancelled plan. You will see it on your statement within a week.',
      ],
      followUps: ['Received it, thank you.', 'It has been ten days and nothing yet.'],
      notes: ['Refund approved by team lead; over the 500 limit so needed sign-off.'],
    },
  },
  ru: {
    billing: {
      subjects: ['Списали оплату дважды', 'В счёте неверные реквизиты', 'Почему выросла цена тарифа?'],
      opening: [
        'Здравствуйте! {date} с карты дважды списали {amount} за одну и ту же подписку. Верните, пожалуйста, лишнюю оплату.',
        'Добрый день. В последнем счёте указаны старые реквизиты, бухгалтерия не может его принять. Перевыставите?',
        'В этом месяце тариф подорожал до {amount}, а уведомления мы не получали. Что изменилось?',
      ],
      agentReplies: [
        'Спасибо, что сообщили. Вижу оба платежа и уже оформил возврат второго — деньги вернутся на карту за 3–5 рабочих дней.',
        'Перевыставил счёт с правильными реквизитами, он во вложении. Извините за неудобство.',
      ],
      followUps: ['Спасибо, возврат уже вижу в банке.', 'Получили, всё верно.'],
      notes: ['Двойное списание из-за повторной попытки платёжного шлюза {date}. Заявка в финотдел FIN-2291.'],
    },
    login: {
      subjects: ['Не могу войти после сброса пароля', 'Не приходит код двухфакторной аутентификации', 'Заблокирован вход администратора'],
      opening: [
        'Сбросил пароль утром, а теперь при входе пишет «неверные данные». Доступ нужен сегодня.',
        'SMS с кодом не приходит, войти не получается. Пробовала пять раз.',
        'Единственная учётная запись администратора заблокирована после неудачных попыток, разблокировать некому.',
      ],
      agentReplies: [
        'Снял блокировку с вашей учётной записи. Попробуйте ссылку для сброса, которую я только что отправил, — она действует час.',
        'Утром были задержки SMS у вашего оператора. Переключил вход на коды из приложения-аутентификатора, инструкция по ссылке ниже.',
      ],
      followUps: ['Получилось, вошёл. Спасибо!', 'К сожалению, ошибка та же.'],
      notes: ['Учётка заблокирована после 10 неудачных попыток с незнакомого IP; личность подтвердили по телефону.'],
    },
    delivery: {
      subjects: ['Где мой заказ {order}?', 'Посылка отмечена доставленной, но не получена', 'В посылке не тот товар'],
      opening: [
        'Заказ {order} должен был прийти {date}, а отслеживание не обновляется уже четыре дня.',
        'По трекингу посылка доставлена, но у двери ничего нет, и у соседей тоже.',
        'Заказывал синий чайник, а пришёл тостер. Заказ {order}, доставлен {date}.',
      ],
      agentReplies: [
        'Уточнил у перевозчика: посылка задержалась на складе из-за пропущенного сканирования. Она уже в пути и будет у вас завтра.',
        'Приношу извинения. Открыл претензию у перевозчика и отправил замену экспресс-доставкой; новый трек-номер придёт на почту.',
      ],
      followUps: ['Сегодня пришло, всё в порядке.', 'Подскажите новый трек-номер?'],
      notes: ['Претензия перевозчику CL-77812; замена отправлена со склада в Подольске.'],
    },
    outage: {
      subjects: ['Не открывается панель управления', 'API отвечает 502 с утра', 'Отчёты зависли в статусе «обработка»'],
      opening: [
        'С 9:10 никто из команды не может открыть панель — белый экран. Работа стоит.',
        'Все запросы к API заказов с утра возвращают 502 Bad Gateway. Магазин не принимает заказы.',
        'С {date} все отчёты висят в статусе «обработка». Закрытие месяца стоит.',
      ],
      agentReplies: [
        'Подтверждаем сбой в одном из регионов, инженеры уже работают. Напишу здесь, как только всё восстановится.',
        'Сбой устранён: ошибки с 09:05 до 10:20 вызвало неудачное переключение базы данных. Всё работает в обычном режиме, и мы добавляем автоматическую проверку, чтобы это не повторилось.',
      ],
      followUps: ['Заработало, спасибо за оперативность.', 'Есть новости? У нас всё ещё не работает.'],
      notes: ['Связано с инцидентом INC-412 (переключение в регионе EU). Ответственная — Прия.'],
    },
    refund: {
      subjects: ['Возврат средств за заказ {order}', 'Отказ в течение 14 дней — прошу вернуть деньги', 'До сих пор нет возврата'],
      opening: [
        'Две недели назад вернул заказ {order}, а возврат {amount} так и не пришёл. Оплатой занимался через карту.',
        'Я отменила тариф в пробный период 14 дней. Верните, пожалуйста, {amount}, списанные {date}.',
        'Вы подтвердили возврат {amount} ещё {date}, но деньги так и не пришли. Проверьте, пожалуйста.',
      ],
      agentReplies: [
        'Возврат получен, сегодня мы перевели {amount}. В зависимости от банка зачисление занимает 3–10 рабочих дней.',
        'Оформил возврат за отменённый тариф. Деньги появятся в выписке в течение недели.',
      ],
      followUps: ['Деньги пришли, спасибо.', 'Прошло десять дней, а денег нет.'],
      notes: ['Возврат согласован с руководителем смены: сумма выше лимита 500.'],
    },
  },
};

export const people: Record<Lang, { names: string[]; organizations: string[]; domain: string }> = {
  en: {
    names: [
      'Olivia Bennett', 'James Carter', 'Emma Dawson', 'Liam Foster', 'Ava Grant', 'Noah Hughes',
      'Mia Jensen', 'Lucas Kim', 'Sophia Lopez', 'Ethan Murphy', 'Isabella Novak', 'Mason Patel',
      'Charlotte Quinn', 'Logan Reyes', 'Amelia Shaw', 'Henry Turner', 'Harper Vance', 'Jack Walsh',
      'Evelyn Young', 'Leo Zimmerman', 'Grace Holloway', 'Daniel Okafor', 'Chloe Brooks', 'Ryan Mercer',
    ],
    organizations: ['Northwind Traders', 'Acme Robotics', 'Bluebird Cafés', 'Helios Energy', 'Pinegrove Clinic'],
    domain: 'example.com',
  },
  ru: {
    names: [
      'Анна Смирнова', 'Иван Петров', 'Екатерина Волкова', 'Сергей Кузнецов', 'Ольга Новикова',
      'Алексей Морозов', 'Наталья Лебедева', 'Павел Козлов', 'Татьяна Орлова', 'Михаил Фёдоров',
      'Юлия Егорова', 'Андрей Никитин', 'Елена Павлова', 'Дмитрий Семёнов', 'Ирина Захарова', 'Артём Белов',
    ],
    organizations: ['ООО «Ромашка»', 'АО «СеверСталь Сервис»', 'ИП Гончаров', 'ООО «Вектор»'],
    domain: 'example.ru',
  },
};

/** Latin transliteration for demo e-mail addresses of Russian names. */
const translit: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'sch', ы: 'y', э: 'e', ю: 'yu', я: 'ya', ь: '', ъ: '',
};

export function emailFor(name: string, domain: string): string {
  const latin = [...name.toLowerCase()].map((ch) => translit[ch] ?? ch).join('');
  return `${latin.replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@${domain}`;
}
